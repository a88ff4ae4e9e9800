using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>Running totals of one stream during the summary's pass. No allocation per record.</summary>
internal sealed class StreamAccumulator(RecordType type, ushort streamId)
{
    private long _count;
    private long _payloadBytes;
    private long _firstNs;
    private long _lastNs;
    private long _largestGapNs;
    private long _largestGapStartNs;
    private long _backwardSteps;

    public void Add(long timestampNs, int payloadBytes)
    {
        if (_count == 0)
        {
            _firstNs = timestampNs;
        }
        else
        {
            long stepNs = timestampNs - _lastNs;
            if (stepNs < 0)
            {
                _backwardSteps++;
            }
            else if (stepNs > _largestGapNs)
            {
                _largestGapNs = stepNs;
                _largestGapStartNs = _lastNs;
            }
        }

        _lastNs = timestampNs;
        _count++;
        _payloadBytes += payloadBytes;
    }

    public StreamSummary ToSummary(string name, bool inHeader) =>
        new(type, streamId, name, inHeader, _count, _payloadBytes, _firstNs, _lastNs, _largestGapNs, _largestGapStartNs, _backwardSteps);
}
