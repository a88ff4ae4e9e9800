using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Tests.Infrastructure;
using Octopilot.Fusion.Tracking;
using Octopilot.Planner.Inputs;
using Octopilot.Testing;

namespace Octopilot.WorldModel.Tests;

/// <summary>The oracle scene of the default rig and scenario feeding a <see cref="WorldModelBuilder"/> at 15 fps.</summary>
internal sealed class WorldModelScene
{
    public const long FramePeriodNs = 66_666_667;

    public WorldModelScene(HighwayWorld? world = null)
    {
        Scene = new OracleScene(world ?? SyntheticCameraRig.LoadWorld(RepositoryPaths.DefaultScenario));
        Builder = new WorldModelBuilder(DefaultRigTable.Rig, DefaultRigTable.Table, OracleScene.ClassNames, new WorldModelOptions());
    }

    public OracleScene Scene { get; }

    public WorldModelBuilder Builder { get; }

    public WorldModelSnapshot Snapshot;

    /// <summary>Captures frame <paramref name="frame"/> (sim time frame · period) and updates the world model.</summary>
    public void Step(int frame, uint missingCameraMask = 0)
    {
        long simTimeNs = frame * FramePeriodNs;
        Scene.Capture(simTimeNs, missingCameraMask);
        Builder.Update(Scene.Set, new EgoMotion(Scene.World.Scenario.Ego.SpeedMps, Scene.World.Scenario.Ego.SpeedMps * Scene.World.Road.CurvaturePerM), ref Snapshot);
    }

    /// <summary>Mask of the named cameras of the default rig.</summary>
    public static uint Mask(params string[] names)
    {
        uint mask = 0;
        foreach (string name in names)
        {
            int index = OracleScene.Rig.IndexOf(name);
            Assert.True(index >= 0, $"no camera {name} in the default rig");
            mask |= 1u << index;
        }

        return mask;
    }
}
