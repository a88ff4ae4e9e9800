using Octopilot.Core.Configuration;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>Asserts that an importer refused its input with a message naming the file, the field and the rule.</summary>
internal static class ImporterAssert
{
    public static ConfigException Rejected(Action load, string expectedFile, string expectedFieldFragment, string expectedRuleFragment)
    {
        ConfigException e = Assert.Throws<ConfigException>(load);
        Assert.Equal(expectedFile, e.File);
        Assert.Contains(expectedFieldFragment, e.Field, StringComparison.Ordinal);
        Assert.Contains(expectedRuleFragment, e.Rule, StringComparison.Ordinal);

        // The message alone must carry all three: it is what a person reads.
        Assert.StartsWith(expectedFile, e.Message, StringComparison.Ordinal);
        Assert.Contains(e.Field, e.Message, StringComparison.Ordinal);
        Assert.Contains(expectedRuleFragment, e.Message, StringComparison.Ordinal);
        return e;
    }
}
