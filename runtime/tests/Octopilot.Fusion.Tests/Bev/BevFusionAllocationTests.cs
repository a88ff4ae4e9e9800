using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Inference.Perception;
using Octopilot.Testing;

namespace Octopilot.Fusion.Tests.Bev;

public class BevFusionAllocationTests
{
    [Theory]
    [InlineData(-1)] // all cameras valid: the branch-free gather
    [InlineData(2)]  // one camera missing: the masked gather
    public void Fuse_SteadyState_AllocatesNothing(int missingCamera)
    {
        var fusion = new BevFusion(DefaultRigTable.Table);
        PerceptionFrameSet set = DetachedSets.Create(DefaultRigTable.Rig, DefaultRigTable.MapWidth, DefaultRigTable.MapHeight);
        DetachedSets.FillDistinct(set);
        if (missingCamera >= 0)
        {
            DetachedSets.SetCamera(set, missingCamera, present: false, lanesValid: false, drivableValid: false);
        }

        BevLayers layers = fusion.CreateLayers();
        // To the JIT's final tier first: 5 warm-up fuses left tier-up allocations inside the measured loop once the
        // solid-lines head made each fuse longer (seen on the shared 2-core VM).
        JitWarmUp.ToFinalTier(() => fusion.Fuse(set, layers));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            set.SetSequence = i;
            fusion.Fuse(set, layers);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0u, layers.SolidLinesCameraMask); // the optional solid-lines head was fused too
        Assert.NotEqual(0, layers.SolidLinesKnownCellCount);
    }
}
