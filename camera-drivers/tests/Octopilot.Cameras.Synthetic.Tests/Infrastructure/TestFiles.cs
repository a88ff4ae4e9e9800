using Octopilot.Core.Calibration;
using Octopilot.Testing;

namespace Octopilot.Cameras.Synthetic.Tests.Infrastructure;

/// <summary>
/// The committed configuration files (located by <see cref="RepositoryPaths"/>), loaded once per test run.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<CameraRig> Rig = new(() => RigFile.Load(RigPath));
    private static readonly Lazy<HighwayScenario> Scenario = new(() => ScenarioFile.Load(ScenarioPath));

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string RigPath => RepositoryPaths.DefaultRig;

    public static string ScenarioPath => RepositoryPaths.DefaultScenario;

    public static CameraRig DefaultRig => Rig.Value;

    public static HighwayScenario DefaultScenario => Scenario.Value;
}
