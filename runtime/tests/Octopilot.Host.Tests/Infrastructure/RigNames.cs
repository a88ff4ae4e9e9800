namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>The default rig's camera names in batch order (runtime/config/rig-default-8cam.json).</summary>
internal static class RigNames
{
    public static readonly string[] Default8 =
    [
        "main_forward", "narrow_forward", "wide_forward", "left_pillar",
        "right_pillar", "left_repeater", "right_repeater", "rear",
    ];
}
