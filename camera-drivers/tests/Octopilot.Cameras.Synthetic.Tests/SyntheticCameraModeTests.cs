using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Open accepts RGB24 at the calibration's aspect ratio only; reads check the destination size.</summary>
public class SyntheticCameraModeTests
{
    [Theory]
    [InlineData(640, 360, PixelFormat.Rgb24)]
    [InlineData(384, 288, PixelFormat.Yuyv)]
    public void Open_UnsupportedMode_CameraExceptionNamesCameraModeAndAllowed(int widthPx, int heightPx, PixelFormat format)
    {
        using SyntheticCamera camera = NewCamera();
        var mode = new CameraMode(widthPx, heightPx, format, 15);

        CameraException e = Assert.Throws<CameraException>(() => camera.Open(mode));

        Assert.Contains("wide_forward", e.Message);
        Assert.Contains(mode.ToString(), e.Message);
        Assert.Contains("allowed: Rgb24", e.Message);
        Assert.Contains("1280:960", e.Message);
    }

    [Theory]
    [InlineData(384, 288)]
    [InlineData(1280, 960)]
    [InlineData(640, 480)]
    public void Open_SameAspectRatio_ScalesTheCalibration(int widthPx, int heightPx)
    {
        using SyntheticCamera camera = NewCamera();

        camera.Open(new CameraMode(widthPx, heightPx, PixelFormat.Rgb24, 15));

        Assert.Equal(widthPx, camera.Renderer.Calibration.Intrinsics.WidthPx);
        Assert.Equal(537.0 * widthPx / 1280, camera.Renderer.Calibration.Intrinsics.FxPx, 9);
        Assert.Equal(widthPx * heightPx * 3, camera.Renderer.FrameBytes);
    }

    [Fact]
    public void ReadFrame_WrongDestinationLength_ArgumentExceptionNamesExpectedAndActualBytes()
    {
        using SyntheticCamera camera = NewCamera();
        camera.Open(new CameraMode(384, 288, PixelFormat.Rgb24, 15));
        var ticket = new FrameTicket(0, 0);

        ArgumentException e = Assert.Throws<ArgumentException>(() => camera.ReadFrame(ticket, new byte[1000]));

        Assert.Contains("331776", e.Message);
        Assert.Contains("1000", e.Message);
    }

    [Fact]
    public void WaitForFrame_NotOpen_InvalidOperation()
    {
        using SyntheticCamera camera = NewCamera();

        Assert.Throws<InvalidOperationException>(() => camera.WaitForFrame(CancellationToken.None, out _));
    }

    [Fact]
    public void Create_DefaultRig_OneCameraPerRigEntryWithStaggeredPhases()
    {
        SyntheticCamera[] cameras = SyntheticCameraRig.Create(TestFiles.DefaultRig, new HighwayWorld(TestFiles.DefaultScenario), new VirtualClock(), 0);

        Assert.Equal(TestFiles.DefaultRig.Cameras.Select(c => c.Name), cameras.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * SyntheticCameraRig.DefaultPhaseStepNs), cameras.Select(c => c.PhaseOffsetNs));
    }

    private static SyntheticCamera NewCamera() =>
        new(TestFiles.DefaultRig[2], new HighwayWorld(TestFiles.DefaultScenario), new VirtualClock(), 0, 0);
}
