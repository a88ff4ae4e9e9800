namespace Octopilot.Host.Evaluation;

/// <summary>
/// Depth error over cells with a true depth (&gt; 0), pooled over every image added: mean absolute relative error
/// |p − t| / t and RMSE √mean((p − t)²) in metres, overall and per true-depth band (<see cref="DistanceBands"/>,
/// disjoint and cumulative; cells beyond 80 m count only overall). A predicted 0 (the decoder's "no depth") is kept and
/// scores as a full miss: the car would have no depth there either.
/// </summary>
internal sealed class DepthErrors
{
    private readonly Sums _overall = new();
    private readonly Sums[] _bands = DistanceBands.All.Select(_ => new Sums()).ToArray();

    public DepthErrorSummary Overall => _overall.Summary("all");

    public IReadOnlyList<DepthErrorSummary> Bands => _bands.Select((s, i) => s.Summary(DistanceBands.All[i].Name)).ToArray();

    public void Add(ReadOnlySpan<float> predictedM, ReadOnlySpan<float> trueM)
    {
        if (predictedM.Length != trueM.Length)
        {
            throw new ArgumentException($"predicted has {predictedM.Length} cells, truth {trueM.Length}: they must be the same grid", nameof(predictedM));
        }

        for (int i = 0; i < trueM.Length; i++)
        {
            double t = trueM[i];
            if (!(t > 0))
            {
                continue;
            }

            double error = predictedM[i] - t;
            _overall.Add(error, t);
            for (int b = 0; b < _bands.Length; b++)
            {
                if (DistanceBands.All[b].Contains(t))
                {
                    _bands[b].Add(error, t);
                }
            }
        }
    }

    private sealed class Sums
    {
        private long _cells;
        private double _absRel;
        private double _squaredM2;

        public void Add(double errorM, double trueM)
        {
            _cells++;
            _absRel += Math.Abs(errorM) / trueM;
            _squaredM2 += errorM * errorM;
        }

        public DepthErrorSummary Summary(string band) => _cells == 0
            ? new DepthErrorSummary(band, 0, null, null)
            : new DepthErrorSummary(band, _cells, _absRel / _cells, Math.Sqrt(_squaredM2 / _cells));
    }
}
