using System.Text;
using System.Text.Json;
using Octopilot.Core.Geometry;

namespace Octopilot.Core.Calibration;

/// <summary>
/// Writes a <see cref="CameraRig"/> in the <see cref="RigFile"/> JSON format, so a rig imported from a foreign
/// calibration (Importers/) can be handed to <c>octopilot</c> as an ordinary rig file. The rotation is written as a
/// matrix (not angles or a quaternion) and every number with round-trip precision, so <see cref="RigFile.Load"/>
/// gives back the same doubles. Start-up / tooling only; allocates freely.
/// </summary>
public static class RigFileWriter
{
    /// <summary>Writes the rig to <paramref name="path"/> (overwritten). <paramref name="description"/> records provenance.</summary>
    public static void Write(CameraRig rig, string path, string? description = null) =>
        File.WriteAllText(path, ToJson(rig, description), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>The rig as rig-file JSON text, indented for people to read and diff.</summary>
    public static string ToJson(CameraRig rig, string? description = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", rig.Name);
            if (description is not null)
            {
                json.WriteString("description", description);
            }

            json.WriteStartArray("cameras");
            foreach (CameraCalibration camera in rig.Cameras)
            {
                WriteCamera(json, camera);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCamera(Utf8JsonWriter json, CameraCalibration camera)
    {
        CameraIntrinsics k = camera.Intrinsics;
        json.WriteStartObject();
        json.WriteString("name", camera.Name);
        json.WriteStartObject("intrinsics");
        json.WriteNumber("widthPx", k.WidthPx);
        json.WriteNumber("heightPx", k.HeightPx);
        json.WriteNumber("fxPx", k.FxPx);
        json.WriteNumber("fyPx", k.FyPx);
        json.WriteNumber("cxPx", k.CxPx);
        json.WriteNumber("cyPx", k.CyPx);
        if (!k.Distortion.IsZero)
        {
            LensDistortion d = k.Distortion;
            WriteNumbers(json, "distortion", d.K1, d.K2, d.P1, d.P2, d.K3);
        }

        json.WriteEndObject();
        json.WriteStartObject("extrinsics");
        Vec3 t = camera.CameraToEgo.TranslationM;
        WriteNumbers(json, "translationM", t.X, t.Y, t.Z);
        Mat3 r = camera.CameraToEgo.Rotation;
        json.WriteStartArray("rotationMatrix");
        WriteNumbers(json, null, r.M00, r.M01, r.M02);
        WriteNumbers(json, null, r.M10, r.M11, r.M12);
        WriteNumbers(json, null, r.M20, r.M21, r.M22);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string? name, params double[] values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (double value in values)
        {
            // Utf8JsonWriter writes the shortest text that parses back to the same double.
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
