namespace Octopilot.Core.Statistics;

/// <summary>
/// A fixed-size histogram of non-negative nanosecond values with logarithmic buckets (16 per power of two, so a
/// percentile is exact to within about 4.4 %). Covers 0 to 2^40 ns (about 18 minutes); larger values land in the
/// last bucket. Allocation-free after construction; not thread-safe (the owner records under its own lock).
/// </summary>
public sealed class LogHistogram
{
    private const int SubBucketsPerOctave = 16;
    private const int Octaves = 40;
    private readonly long[] _counts = new long[(Octaves + 1) * SubBucketsPerOctave];

    public long Count { get; private set; }

    public long MaxNs { get; private set; }

    public long SumNs { get; private set; }

    public void Record(long valueNs)
    {
        if (valueNs < 0)
        {
            valueNs = 0;
        }

        _counts[BucketOf(valueNs)]++;
        Count++;
        SumNs += valueNs;
        if (valueNs > MaxNs)
        {
            MaxNs = valueNs;
        }
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Count = 0;
        MaxNs = 0;
        SumNs = 0;
    }

    /// <summary>Copies counts into <paramref name="target"/> (same bucket layout) without allocating.</summary>
    public void CopyTo(LogHistogram target)
    {
        Array.Copy(_counts, target._counts, _counts.Length);
        target.Count = Count;
        target.MaxNs = MaxNs;
        target.SumNs = SumNs;
    }

    /// <summary>
    /// Upper edge of the bucket holding the <paramref name="percentile"/>-th value (0..100], capped at the maximum
    /// recorded value; 0 when empty. Reporting the upper edge errs on the pessimistic side.
    /// </summary>
    public long PercentileNs(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (int bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                return Math.Min(UpperEdgeNs(bucket), MaxNs);
            }
        }

        return MaxNs;
    }

    internal static int BucketOf(long valueNs)
    {
        if (valueNs < SubBucketsPerOctave)
        {
            return (int)valueNs;
        }

        int octave = 63 - (int)long.LeadingZeroCount(valueNs) - 4; // value in [16·2^(octave), 32·2^(octave))
        int sub = (int)((valueNs >> octave) - SubBucketsPerOctave);
        int bucket = ((octave + 1) * SubBucketsPerOctave) + sub;
        return Math.Min(bucket, ((Octaves + 1) * SubBucketsPerOctave) - 1);
    }

    internal static long UpperEdgeNs(int bucket)
    {
        if (bucket < SubBucketsPerOctave)
        {
            return bucket;
        }

        int octave = (bucket / SubBucketsPerOctave) - 1;
        int sub = bucket % SubBucketsPerOctave;
        return ((long)(SubBucketsPerOctave + sub + 1) << octave) - 1;
    }
}
