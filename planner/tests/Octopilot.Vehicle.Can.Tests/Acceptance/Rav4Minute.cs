using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Steering;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Tests.Acceptance;

/// <summary>
/// The comma2k19 RAV4 minute (powertrain bus can0) decoded once per test run with the Toyota preset: the state after
/// every decoded frame, tagged with the frame's message, and the decoder's counts.
/// </summary>
internal sealed class Rav4Minute
{
    private static readonly Lazy<Rav4Minute> Decoded = new(Decode);

    private Rav4Minute(List<Step> steps, DecoderCounters counters, IReadOnlyDictionary<string, long> byMessage, long sourceMalformed)
    {
        Steps = steps;
        Counters = counters;
        DecodedByMessage = byMessage;
        SourceMalformed = sourceMalformed;
    }

    public static Rav4Minute Instance => Decoded.Value;

    public IReadOnlyList<Step> Steps { get; }

    public DecoderCounters Counters { get; }

    public IReadOnlyDictionary<string, long> DecodedByMessage { get; }

    public long SourceMalformed { get; }

    public IEnumerable<Step> Of(string messageName) => Steps.Where(s => s.Message == messageName);

    private static Rav4Minute Decode()
    {
        var decoder = new VehicleStateDecoder(ToyotaData.Powertrain, ToyotaTssP.SignalMap, ToyotaTssP.Checksum);
        using var source = new CandumpLogSource(ToyotaData.RawCanMinutePath, new CandumpLogOptions { Interface = "can0" });
        var names = ToyotaData.Powertrain.Messages.ToDictionary(m => m.Id, m => m.Name);
        var steps = new List<Step>();
        CanFrame frame = default;
        while (source.Read(ref frame, 0, CancellationToken.None) == CanReadStatus.Frame)
        {
            if (decoder.Accept(frame) == FrameVerdict.Decoded)
            {
                steps.Add(new Step(frame.TimestampNs, names[frame.Id], decoder.Sample(frame.TimestampNs, CanVehicleOptions.DefaultSilenceBoundNs),
                    decoder.SteeringFeedback(frame.TimestampNs, CanVehicleOptions.DefaultSilenceBoundNs)));
            }
        }

        return new Rav4Minute(steps, decoder.ReadCounters(), decoder.DecodedByMessage(), source.MalformedInputs);
    }

    /// <summary>The state (and the steering sensors) right after one decoded frame, judged at that frame's time.</summary>
    internal readonly record struct Step(long TimestampNs, string Message, VehicleStateSample Sample, SteeringFeedback Steering)
    {
        public double Seconds => TimestampNs * 1e-9;
    }
}
