using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// The decoders of one manifest's heads, built once for one frame size, and the decode of one image of a run into one
/// camera of a <see cref="PerceptionFrameSet"/>: lanes and drivable maps, the depth map, detections (every detection head
/// in manifest order, into the camera's storage) with their range refined. Class maps of other targets are not in the
/// runtime set; <see cref="DecodeSegmentation"/> decodes any segmentation head onto any grid (perceive's masks).
/// Allocation-free per decode; not thread-safe (the decoders reuse scratch).
/// </summary>
public sealed class ForeignHeadSet
{
    private readonly Dictionary<string, ModelOutputBuffer> _outputs;
    private readonly SegmentationHead[] _segmentations;
    private readonly DepthHead? _depth;
    private readonly DetectionHead[] _detections;
    private readonly DetectionRangeRefiner _ranges;

    internal ForeignHeadSet(
        ManifestBinding binding, Dictionary<string, ModelOutputBuffer> outputs, FrameInputGeometry geometry, MapGrid runtimeGrid,
        DetectionRangeRefiner ranges)
    {
        _outputs = outputs;
        _ranges = ranges;
        RuntimeGrid = runtimeGrid;
        Geometry = geometry;
        ModelManifest manifest = binding.Manifest;
        var segmentations = new List<SegmentationHead>();
        var detections = new List<DetectionHead>();
        ClassNames = manifest.Classes.Count > 0 ? manifest.Classes : ["object"];
        foreach (HeadSpec head in manifest.Heads)
        {
            switch (head)
            {
                case SegmentationHeadSpec s:
                    segmentations.Add(new SegmentationHead(s, new SegmentationDecoder(s, ImageShape(s.Output), geometry, runtimeGrid), outputs[s.Output]));
                    break;
                case DepthHeadSpec d:
                    _depth = new DepthHead(new DepthDecoder(d, ImageShape(d.Output), geometry, runtimeGrid), outputs[d.Output]);
                    break;
                case BoxListHeadSpec b:
                {
                    ClassFilter filter = ClassFilter.FromNames(ClassNames, b.ClassFilter);
                    var decoder = new BoxListDecoder(b, outputs[b.Scores].Shape[1], filter, geometry);
                    detections.Add(new DetectionHead(null, decoder, outputs[b.Boxes], outputs[b.Scores], b.Labels is null ? null : outputs[b.Labels]));
                    break;
                }

                case ContractObjectsHeadSpec o:
                    detections.Add(new DetectionHead(
                        null, null, outputs[o.Output], null, null, new ContractObjectDecoder(o, ImageShape(o.Output), ClassNames.Count, geometry)));
                    break;

                case YoloHeadSpec y:
                {
                    ClassFilter filter = ClassFilter.FromNames(ClassNames, y.ClassFilter);
                    detections.Add(new DetectionHead(new YoloDecoder(y, ImageShape(y.Output), filter, geometry), null, outputs[y.Output], null, null));
                    break;
                }
            }
        }

        _segmentations = [.. segmentations];
        _detections = [.. detections];
    }

    public IReadOnlyList<string> ClassNames { get; }

    public MapGrid RuntimeGrid { get; }

    public FrameInputGeometry Geometry { get; }

    public int SegmentationCount => _segmentations.Length;

    public SegmentationHeadSpec Segmentation(int index) => _segmentations[index].Spec;

    public bool HasDepth => _depth is not null;

    public bool HasDetections => _detections.Length > 0;

    /// <summary>A sampling plan of the depth head for another grid (allocates once); the head must exist.</summary>
    public MapResampler CreateDepthResampler(MapGrid grid) =>
        (_depth ?? throw new InvalidOperationException("the model has no depth head")).Decoder.CreateResampler(grid);

    /// <summary>Decodes the depth head (metres, 0 = invalid) of image <paramref name="batchIndex"/> of the last run onto a grid.</summary>
    public MapDecodeResult DecodeDepth(int batchIndex, MapResampler resampler, Span<float> destinationM)
    {
        DepthHead depth = _depth ?? throw new InvalidOperationException("the model has no depth head");
        return depth.Decoder.Decode(depth.Output.Image(batchIndex), resampler, destinationM);
    }

    /// <summary>Every image of the last run's output <paramref name="name"/>, as floats (tests, diagnostics).</summary>
    public ReadOnlySpan<float> RawOutput(string name) => _outputs[name].Floats;

    /// <summary>A sampling plan of segmentation head <paramref name="index"/> for another grid (allocates once).</summary>
    public MapResampler CreateSegmentationResampler(int index, MapGrid grid) => _segmentations[index].Decoder.CreateResampler(grid);

    /// <summary>Decodes segmentation head <paramref name="index"/> of image <paramref name="batchIndex"/> of the last run onto a grid.</summary>
    public MapDecodeResult DecodeSegmentation(int index, int batchIndex, MapResampler resampler, Span<float> destination)
    {
        SegmentationHead head = _segmentations[index];
        return head.Decoder.Decode(head.Output.Image(batchIndex), resampler, destination);
    }

    /// <summary>
    /// Decodes image <paramref name="batchIndex"/> of the last run into <paramref name="perception"/> (camera
    /// <paramref name="camera"/> of <paramref name="results"/>). Non-finite source values are zeroed by the decoders and
    /// counted here; a map head stays valid (its bad pixels read 0 = nothing there).
    /// </summary>
    internal void Decode(int batchIndex, int camera, PerceptionFrameSet results, InferenceCounters counters)
    {
        CameraPerception perception = results.Camera(camera);
        foreach (SegmentationHead head in _segmentations)
        {
            HeadKind? kind = head.Spec.Target switch
            {
                SegmentationTarget.Lanes => HeadKind.Lanes,
                SegmentationTarget.Drivable => HeadKind.Drivable,
                SegmentationTarget.SolidLines => HeadKind.SolidLines,
                _ => null,
            };
            if (kind is not HeadKind k)
            {
                continue;
            }

            MapDecodeResult r = head.Decoder.Decode(head.Output.Image(batchIndex), results.WritableMap(k, camera));
            if (r.InvalidSourcePixels > 0)
            {
                counters.AddNonFinite(camera, k);
            }

            perception.SetValid(k, true);
        }

        ReadOnlySpan<float> depthMap = ReadOnlySpan<float>.Empty;
        if (_depth is DepthHead depth)
        {
            Span<float> map = results.WritableMap(HeadKind.Depth, camera);
            MapDecodeResult r = depth.Decoder.Decode(depth.Output.Image(batchIndex), map);
            if (r.InvalidSourcePixels > 0)
            {
                counters.AddNonFinite(camera, HeadKind.Depth);
            }

            perception.SetValid(HeadKind.Depth, true);
            depthMap = map;
        }

        if (_detections.Length == 0)
        {
            return;
        }

        Span<Detection> storage = perception.DetectionStorage;
        int count = 0;
        foreach (DetectionHead head in _detections)
        {
            Span<Detection> free = storage[count..];
            DetectionDecodeResult r = head.Yolo is YoloDecoder yolo
                ? yolo.Decode(head.Main.Image(batchIndex), free)
                : head.Contract is ContractObjectDecoder contract
                ? contract.Decode(head.Main.Image(batchIndex), free)
                : head.Boxes!.Decode(head.Main.Image(batchIndex), head.Scores!.Image(batchIndex),
                    head.Labels is null ? ReadOnlySpan<float>.Empty : head.Labels.Image(batchIndex), free);
            count += r.Written;
            if (r.Rejected > 0)
            {
                counters.AddDetectionsRejected(camera, r.Rejected);
            }
        }

        perception.DetectionCount = count;
        perception.SetValid(HeadKind.Objects, true);
        _ranges.Refine(storage[..count], camera, depthMap, RuntimeGrid.Width, RuntimeGrid.Height, (int)RuntimeGrid.CellWidthPx);
    }

    private int[] ImageShape(string output) => _outputs[output].Shape[1..];

    private sealed record SegmentationHead(SegmentationHeadSpec Spec, SegmentationDecoder Decoder, ModelOutputBuffer Output);

    private sealed record DepthHead(DepthDecoder Decoder, ModelOutputBuffer Output);

    private sealed record DetectionHead(
        YoloDecoder? Yolo, BoxListDecoder? Boxes, ModelOutputBuffer Main, ModelOutputBuffer? Scores, ModelOutputBuffer? Labels,
        ContractObjectDecoder? Contract = null);
}
