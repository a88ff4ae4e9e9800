using System.Text.Json.Nodes;
using Octopilot.Core.Calibration;
using Octopilot.Core.Configuration;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>Asserts that a rig is refused and that the message names the file, the JSON field path and the rule.</summary>
internal static class RigAssert
{
    public static ConfigException Rejected(JsonNode rig, string expectedField, string expectedRuleFragment) =>
        Rejected(rig.ToJsonString(), expectedField, expectedRuleFragment);

    public static ConfigException Rejected(string json, string expectedField, string expectedRuleFragment)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.LoadText(RigJson.FileName, json));
        Assert.Equal(RigJson.FileName, e.File);
        Assert.Equal(expectedField, e.Field);
        Assert.Contains(expectedRuleFragment, e.Rule, StringComparison.Ordinal);

        // The message is what a person reads: it must carry all three on its own.
        Assert.StartsWith(RigJson.FileName, e.Message, StringComparison.Ordinal);
        Assert.Contains(": " + expectedField + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expectedRuleFragment, e.Message, StringComparison.Ordinal);
        return e;
    }
}
