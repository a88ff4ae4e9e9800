using Octopilot.DriveLog.Reading;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Replay.Tests.Playback;

public sealed class PlannerOnlyReplayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "octopilot-replay-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Replay_OfAnUnalteredDrive_ReproducesEveryCommand_ThreeTimesTheSame()
    {
        SyntheticDrive.Write(_folder, ticks: 600);

        ReplayResult[] runs = Enumerable.Range(0, 3).Select(_ => Replay(stopAtFirst: true)).ToArray();

        foreach (ReplayResult run in runs)
        {
            Assert.True(run.Identical);
            Assert.Equal(600, run.CommandsCompared);
            Assert.Null(run.FirstDivergence);
            Assert.Equal(runs[0].CommandStreamHash, run.CommandStreamHash);
        }
    }

    [Fact]
    public void Replay_OfADriveWithOneAlteredCommand_StopsThereAndNamesTheFieldAndBothValues()
    {
        SyntheticDrive.Write(_folder, ticks: 300, alter: (i, c) => i == 137 ? WithAccel(c, c.TargetAccelMps2 + 1e-9) : c);

        ReplayResult result = Replay(stopAtFirst: true);

        Assert.False(result.Identical);
        CommandDivergence d = Assert.IsType<CommandDivergence>(result.FirstDivergence);
        Assert.Equal(137, d.TickIndex);
        Assert.Equal(SyntheticDrive.StartNs + (137 * SyntheticDrive.TickNs), d.TickNs);
        Assert.Single(d.Fields);
        Assert.StartsWith("targetAccelMps2 recorded", d.Fields[0]);
        Assert.Equal(138, result.CommandsCompared); // stopped at the first divergence
    }

    [Fact]
    public void Replay_WithoutStopping_CountsEveryDifferingCommand()
    {
        SyntheticDrive.Write(_folder, ticks: 300, alter: (i, c) => i % 100 == 50 ? WithAccel(c, 9) : c);

        ReplayResult result = Replay(stopAtFirst: false);

        Assert.Equal(300, result.CommandsCompared);
        Assert.Equal(3, result.CommandsDiffering);
        Assert.Equal(50, result.FirstDivergence!.TickIndex);
    }

    [Fact]
    public void Replay_Window_ComparesOnlyInsideIt_ButComputesFromTheStart()
    {
        SyntheticDrive.Write(_folder, ticks: 500);

        using DriveReplayer replayer = DriveReplayer.Open(new ReplayOptions { DriveFolder = _folder, PlannerOnly = true, FromS = 1.0, ToS = 3.0 }, TextWriter.Null);
        ReplayResult result = replayer.Run();

        Assert.True(result.Identical);
        Assert.Equal(201, result.CommandsCompared); // ticks at 1.00 .. 3.00 s
        Assert.Equal(301, result.TicksReplayed);
    }

    [Fact]
    public void Replay_OfADamagedDrive_ReportsTheDamage_AndNeverThrows()
    {
        SyntheticDrive.Write(_folder, ticks: 400);
        string segment = Directory.GetFiles(_folder).Single();
        byte[] bytes = File.ReadAllBytes(segment);
        for (int k = 0; k < 40; k++)
        {
            bytes[(bytes.Length / 3) + (k * 97)] ^= 0x5A;
        }

        File.WriteAllBytes(segment, bytes);

        ReplayResult result = Replay(stopAtFirst: false);

        Assert.NotEmpty(result.Damages);
        Assert.All(result.Damages, d => Assert.NotEqual(DriveLogDamageKind.MissingSegment, d.Kind));
        Assert.InRange(result.CommandsCompared, 300, 399); // the ticks outside the damage are still replayed
    }

    private ReplayResult Replay(bool stopAtFirst)
    {
        using DriveReplayer replayer = DriveReplayer.Open(
            new ReplayOptions { DriveFolder = _folder, PlannerOnly = true, StopAtFirstDivergence = stopAtFirst }, TextWriter.Null);
        return replayer.Run();
    }

    private static PlannerOutput WithAccel(in PlannerOutput c, double accelMps2) => c with { TargetAccelMps2 = accelMps2 };
}
