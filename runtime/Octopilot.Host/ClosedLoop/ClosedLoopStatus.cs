using System.Globalization;
using Octopilot.CameraPath;
using Octopilot.Planner.Inputs;
using Octopilot.WorldModel;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// Watches the camera path's world models: a status line every <c>statusIntervalS</c> of sim time (which perception
/// drives, lanes, tracks, the nearest object ahead in the ego lane, uncovered sectors) and, when asked, a BEV picture
/// every <c>bevIntervalS</c>. Runs on the closed loop's thread.
/// </summary>
internal sealed class ClosedLoopStatus : ICameraPathObserver
{
    private readonly TextWriter _output;
    private readonly string _perceptionLabel;
    private readonly double _statusIntervalS;
    private readonly string? _bevDirectory;
    private readonly double _bevIntervalS;
    private double _nextStatusS;
    private double _nextBevS;

    public ClosedLoopStatus(TextWriter output, string perceptionLabel, double statusIntervalS, string? bevDirectory, double bevIntervalS)
    {
        _output = output;
        _perceptionLabel = perceptionLabel;
        _statusIntervalS = statusIntervalS;
        _bevDirectory = bevDirectory;
        _bevIntervalS = bevIntervalS;
        if (bevDirectory is not null)
        {
            Directory.CreateDirectory(bevDirectory);
        }
    }

    public List<string> BevFiles { get; } = [];

    public void OnWorldModel(double simTimeS, WorldModelBuilder builder, in WorldModelSnapshot snapshot)
    {
        if (simTimeS < 0)
        {
            return; // priming frames
        }

        if (simTimeS >= _nextStatusS)
        {
            _output.WriteLine(Format(simTimeS, builder, snapshot));
            _nextStatusS += _statusIntervalS;
        }

        if (_bevDirectory is not null && simTimeS >= _nextBevS)
        {
            string path = Path.Combine(_bevDirectory, string.Create(CultureInfo.InvariantCulture, $"bev-{simTimeS:000.00}s.png"));
            string caption = string.Create(CultureInfo.InvariantCulture, $"T {simTimeS:0.00} S  {_perceptionLabel.Replace("(", "- ", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)}  LANES {snapshot.LaneCount}  TRACKS {snapshot.Objects.Count}");
            Snapshots.BevPngWriter.Write(path, builder, caption);
            BevFiles.Add(path);
            _nextBevS += _bevIntervalS;
        }
    }

    // The ego lane's two boundaries as the fit saw them (support slices, RMS residual): what the confidence is made of,
    // so a low confidence in a trace says whether the markings were short or scattered.
    private static string EgoBoundaryFit(Octopilot.Fusion.Lanes.LaneEstimate lanes)
    {
        int ego = lanes.EgoLaneIndex;
        if (ego < 0)
        {
            return "";
        }

        Octopilot.Fusion.Lanes.LaneBoundary left = lanes.Boundary(ego), right = lanes.Boundary(ego + 1);
        return string.Create(CultureInfo.InvariantCulture,
            $", fit L {left.SupportSlices} slices rms {left.RmsResidualM:0.00} m, R {right.SupportSlices} slices rms {right.RmsResidualM:0.00} m");
    }

    private string Format(double simTimeS, WorldModelBuilder builder, in WorldModelSnapshot snapshot)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string lanes = builder.Lanes.IsValid
            ? string.Create(c, $"lanes {snapshot.LaneCount} (ego {snapshot.EgoLaneIndex}, {snapshot.LaneWidthM:0.00} m, offset {snapshot.EgoLateralOffsetM:+0.00;-0.00;0.00} m, conf {builder.Lanes.Confidence:0.00}{EgoBoundaryFit(builder.Lanes)})")
            : "lanes NONE";
        string lead = "lead -";
        for (int i = 0; i < snapshot.Objects.Count; i++)
        {
            TrackedObject o = snapshot.Objects[i];
            if (o.XM > 0 && o.LaneIndex == snapshot.EgoLaneIndex)
            {
                lead = string.Create(c, $"lead #{o.Id} {o.XM:0.0} m {o.VxMps:0.0} m/s");
                break;
            }
        }

        string uncovered = string.Join(",", Enum.GetValues<CoverageSector>()
            .Where(s => builder.Coverage.VisibleCellCount(s) > 0 && builder.Coverage.CoveredFraction(s) < 0.5f)
            .Select(s => s.ToString()));
        return string.Create(c,
            $"{simTimeS,6:0.0} s  perception {_perceptionLabel}  {lanes}  tracks {snapshot.Objects.Count}  {lead}  uncovered {(uncovered.Length == 0 ? "none" : uncovered)}");
    }
}
