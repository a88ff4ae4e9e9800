using System.CommandLine;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Host.Cameras;

namespace Octopilot.Host.Cli;

/// <summary>`octopilot cameras list`: every V4L2 node with its stable names, formats, sizes and rates.</summary>
internal static class CamerasCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON (schema octopilot-cameras/1) instead of text" };
        var dev = new Option<string>("--dev") { Description = "Directory holding the device nodes (default /dev)", DefaultValueFactory = _ => "/dev" };
        var list = new Command("list", "List V4L2 capture devices: driver, card, stable /dev/v4l names, formats, sizes, rates") { json, dev };
        list.SetAction(parse =>
        {
            string devDirectory = parse.GetValue(dev)!;
            if (!Directory.Exists(devDirectory))
            {
                error.WriteLine($"octopilot cameras list: --dev {devDirectory}: no such directory");
                return ExitCodes.ConfigurationError;
            }

            IReadOnlyList<V4l2DeviceListing> devices = V4l2DeviceCatalog.List(devDirectory);
            if (parse.GetValue(json))
            {
                CameraListWriter.WriteJson(devices, output);
            }
            else
            {
                CameraListWriter.WriteText(devices, devDirectory, output);
            }

            return ExitCodes.Ok;
        });
        return new Command("cameras", "Camera devices of this machine") { list };
    }
}
