using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>
/// What a device would enumerate, for <see cref="V4l2ModeSelector"/> without one: formats in the driver's order, each
/// with its sizes, and the rates at each discrete size (a range answers the rates at any size it allows).
/// </summary>
internal sealed class FakeEnumeration
{
    private readonly List<V4l2FormatDescription> _formats = [];
    private readonly Dictionary<V4l2FourCc, List<(V4l2FrameSize Size, V4l2FrameInterval[] Rates)>> _sizes = [];

    public IReadOnlyList<V4l2FormatDescription> Formats => _formats;

    /// <summary>How many times each enumeration function was asked (a selector that asks nothing cannot be checked).</summary>
    public int SizeQueries { get; private set; }

    public FakeEnumeration Format(string fourCc, bool compressed = false)
    {
        var code = V4l2FourCc.Of(fourCc);
        _formats.Add(new V4l2FormatDescription(code, fourCc + " description", compressed));
        _sizes[code] = [];
        return this;
    }

    /// <summary>Adds a size (with its rates: discrete or ranges) to the format added last.</summary>
    public FakeEnumeration Size(V4l2FrameSize size, params V4l2FrameInterval[] rates)
    {
        _sizes[_formats[^1].FourCc].Add((size, rates));
        return this;
    }

    /// <summary>Adds a discrete size with discrete rates (fps) to the format added last.</summary>

    public FakeEnumeration Size(int widthPx, int heightPx, params double[] framesPerSecond) =>
        Size(V4l2FrameSize.Discrete(widthPx, heightPx), framesPerSecond.Select(f => new V4l2FrameInterval(f, f)).ToArray());

    public IReadOnlyList<V4l2FrameSize> SizesOf(V4l2FourCc format)
    {
        SizeQueries++;
        return _sizes.TryGetValue(format, out var sizes) ? sizes.Select(s => s.Size).ToList() : [];
    }

    public IReadOnlyList<V4l2FrameInterval> RatesOf(V4l2FourCc format, int widthPx, int heightPx) =>
        _sizes.TryGetValue(format, out var sizes)
            ? sizes.Where(s => s.Size.Allows(widthPx, heightPx)).SelectMany(s => s.Rates).ToList()
            : [];
}
