using System.Text.Json;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Writes <c>manifest.json</c> (format <see cref="DatasetFormat.Name"/>): the seed and command line, the mode, the rig
/// file and its cameras in rig order, the class names, and per sample its id, split, base scenario, render time and the
/// full scene variant (road, ego, every vehicle with its position at the render time, lighting). No wall-clock values:
/// the same export gives the same bytes.
/// </summary>
internal static class DatasetManifestWriter
{
    public static void Write(string path, DatasetExportOptions options, CameraRig rig, IReadOnlyList<DatasetSample> samples)
    {
        using FileStream file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", DatasetFormat.Name);
        json.WriteNumber("seed", options.Seed);
        json.WriteStartArray("command");
        foreach (string argument in options.CommandArguments)
        {
            json.WriteStringValue(argument);
        }

        json.WriteEndArray();
        json.WriteStartObject("mode");
        json.WriteNumber("widthPx", options.WidthPx);
        json.WriteNumber("heightPx", options.HeightPx);
        json.WriteEndObject();
        json.WriteString("rig", Path.GetFileName(options.RigFile));
        json.WriteStartArray("cameras");
        foreach (CameraCalibration camera in rig.Cameras)
        {
            json.WriteStringValue(camera.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("classes");
        foreach (string name in DatasetFormat.ObjectClasses)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartObject("labelClasses");
        foreach ((Octopilot.Core.Labels.LabelClass value, string name) in DatasetFormat.LabelClasses)
        {
            json.WriteString(((byte)value).ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }

        json.WriteEndObject();
        json.WriteNumber("valFraction", options.ValFraction);
        json.WriteStartArray("samples");
        foreach (DatasetSample sample in samples)
        {
            WriteSample(json, sample);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSample(Utf8JsonWriter json, DatasetSample sample)
    {
        SceneVariant variant = sample.Variant;
        HighwayScenario scenario = variant.Scenario;
        RoadSpec road = scenario.Road;
        json.WriteStartObject();
        json.WriteString("id", sample.Id);
        json.WriteString("split", sample.Split == DatasetSplit.Val ? "val" : "train");
        json.WriteString("scenario", variant.BaseScenarioFile);
        json.WriteNumber("timeS", variant.TimeS);
        json.WriteStartObject("variant");
        json.WriteNumber("laneCount", road.LaneCount);
        json.WriteNumber("laneWidthM", road.LaneWidthM);
        json.WriteNumber("curvaturePerM", road.CurvaturePerM);
        if (road.CurvaturePerM == 0)
        {
            json.WriteNull("curveRadiusM");
        }
        else
        {
            json.WriteNumber("curveRadiusM", Math.Round(1 / road.CurvaturePerM, 1));
        }

        json.WriteNumber("textureSeed", scenario.Seed);
        json.WriteNumber("egoLaneIndex", scenario.Ego.LaneIndex);
        json.WriteNumber("egoSpeedMps", scenario.Ego.SpeedMps);
        json.WriteNumber("egoStartStationM", scenario.Ego.StartStationM);
        json.WriteNumber("trafficDensityPerKm", variant.TrafficDensityPerKm);
        json.WriteNumber("vehicleCount", scenario.Vehicles.Count);
        json.WriteStartArray("vehicles");
        for (int i = 0; i < scenario.Vehicles.Count; i++)
        {
            WriteVehicle(json, scenario.Vehicles[i], variant.VehicleKinds[i], scenario.Ego, variant.TimeS);
        }

        json.WriteEndArray();
        json.WriteNumber("brightness", variant.Lighting.Brightness);
        json.WriteStartArray("tint");
        json.WriteNumberValue(variant.Lighting.TintR);
        json.WriteNumberValue(variant.Lighting.TintG);
        json.WriteNumberValue(variant.Lighting.TintB);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteVehicle(Utf8JsonWriter json, VehicleSpec v, string kind, EgoSpec ego, double timeS)
    {
        json.WriteStartObject();
        json.WriteNumber("id", v.Id);
        json.WriteString("kind", kind);
        json.WriteNumber("laneIndex", v.LaneIndex);
        json.WriteNumber("relativeStationM", ObjectLabelsJsonWriter.Round(v.StationOffsetM + ((v.SpeedMps - ego.SpeedMps) * timeS)));
        json.WriteNumber("speedMps", v.SpeedMps);
        json.WriteNumber("lengthM", v.LengthM);
        json.WriteNumber("widthM", v.WidthM);
        json.WriteNumber("heightM", v.HeightM);
        json.WriteStartArray("color");
        json.WriteNumberValue(v.Color.R);
        json.WriteNumberValue(v.Color.G);
        json.WriteNumberValue(v.Color.B);
        json.WriteEndArray();
        if (v.LaneChange is LaneChangeSpec change)
        {
            json.WriteStartObject("laneChange");
            json.WriteNumber("startS", change.StartS);
            json.WriteNumber("targetLaneIndex", change.TargetLaneIndex);
            json.WriteNumber("durationS", change.DurationS);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("laneChange");
        }

        json.WriteEndObject();
    }
}
