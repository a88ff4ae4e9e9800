using Octopilot.Core.Labels;

namespace Octopilot.Host.Dataset;

/// <summary>The fixed names of the dataset format <c>octopilot-dataset/1</c>: one table, shared by every writer.</summary>
internal static class DatasetFormat
{
    public const string Name = "octopilot-dataset/1";

    /// <summary>Folder of the sample folders under the output folder.</summary>
    public const string SamplesFolder = "samples";

    public const string ManifestFile = "manifest.json";

    /// <summary>Digits of a sample id (its folder name): 000000.</summary>
    public const int SampleIdDigits = 6;

    /// <summary>Object classes of the objects files, in class-index order.</summary>
    public static IReadOnlyList<string> ObjectClasses { get; } = ["vehicle"];

    /// <summary>Name of each <see cref="LabelClass"/> value of the class maps.</summary>
    public static IReadOnlyList<(LabelClass Value, string Name)> LabelClasses { get; } =
    [
        (LabelClass.Sky, "sky"), (LabelClass.OffRoad, "offRoad"), (LabelClass.Road, "road"), (LabelClass.LaneMarking, "laneMarking"), (LabelClass.Vehicle, "vehicle"), (LabelClass.SolidLaneMarking, "solidLaneMarking"),
    ];

    /// <summary>The files of one camera in a sample folder: image, class map, depth map, objects.</summary>
    public static IReadOnlyList<string> CameraFileSuffixes { get; } = [".png", ".class.png", ".depth.npy", ".objects.json"];

    public static string SampleId(int index) => index.ToString(new string('0', SampleIdDigits), System.Globalization.CultureInfo.InvariantCulture);

    public static string ObjectClassName(LabelClass labelClass) => labelClass switch
    {
        LabelClass.Vehicle => "vehicle",
        _ => throw new ArgumentOutOfRangeException(nameof(labelClass), labelClass, "only vehicles are objects in octopilot-dataset/1"),
    };
}
