using Octopilot.DriveLog.Format;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Replay.Playback;

namespace Octopilot.Replay.Tests.Playback;

/// <summary>A model drive's engine options travel in its header and come back as the replay's engine options.</summary>
public sealed class RecordedInferenceOptionsTests
{
    private static SegmentInfo Drive(IEnumerable<KeyValuePair<string, string>> properties) => new()
    {
        DriveId = "drive-1", SegmentIndex = 0, SoftwareVersion = "test", CreatedUtc = "2026-12-06T00:00:00Z", StartTimestampNs = 0,
        SegmentLengthS = 60, ModelSha256 = string.Empty, Config = "{}", Rig = "{}", Streams = [],
        Properties = new Dictionary<string, string>(properties),
    };

    [Fact]
    public void For_PropertiesOfTheDrivesOptions_GivesThemBack()
    {
        var live = new InferenceOptions { ModelPath = "live.onnx", ObjectScoreThreshold = 0.45f, ObjectRange = ObjectRangePolicy.GroundContact, ObjectRangeNoiseFraction = 0.07, ObjectNmsIou = 0.35f };

        InferenceOptions replay = RecordedInferenceOptions.For(Drive(RecordedInferenceOptions.PropertiesOf(live)), "replay.onnx", intraOpThreads: 1);

        Assert.Equal(0.45f, replay.ObjectScoreThreshold);
        Assert.Equal(ObjectRangePolicy.GroundContact, replay.ObjectRange);
        Assert.Equal(0.07, replay.ObjectRangeNoiseFraction);
        Assert.Equal(0.35f, replay.ObjectNmsIou);
        Assert.Equal("replay.onnx", replay.ModelPath);
        Assert.Equal(1, replay.IntraOpThreads);
    }

    [Fact]
    public void For_DriveRecordedBeforeTheProperties_EngineDefaults()
    {
        InferenceOptions replay = RecordedInferenceOptions.For(Drive([]), "m.onnx", intraOpThreads: 0);

        Assert.Equal(InferenceOptions.DefaultObjectScoreThreshold, replay.ObjectScoreThreshold);
        Assert.Equal(ObjectRangePolicy.ModelDepth, replay.ObjectRange);
        Assert.Null(replay.ObjectRangeNoiseFraction);
        Assert.Equal(DetectionOverlapSuppression.Off, replay.ObjectNmsIou); // they ran before suppression existed
    }

    [Theory]
    [InlineData("objectScoreThreshold", "1.5", "not a score threshold in (0, 1)")]
    [InlineData("objectRange", "Laser", "ModelDepth, GroundContact")]
    [InlineData("objectRangeNoiseFraction", "-0.1", "not a fraction in (0, 1)")]
    [InlineData("objectNmsIou", "1.5", "not an IoU in (0, 1]")]
    public void For_MalformedProperty_RefusedNamingItAndTheDrive(string name, string value, string expected)
    {
        var e = Assert.Throws<ReplayException>(() => RecordedInferenceOptions.For(Drive([new(name, value)]), "m.onnx", 1));

        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("drive-1", e.Message, StringComparison.Ordinal);
    }
}
