using Octopilot.Core.Calibration;
using Octopilot.Core.Configuration;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

public class RigFileSyntaxTests
{
    [Fact]
    public void LoadText_TrailingCommaBeforeClosingBrace_MessageNamesFileAndLine()
    {
        const string Json = "{\n  \"name\": \"x\",\n  \"cameras\": [],\n}\n";

        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.LoadText(RigJson.FileName, Json));

        // The parser notices the trailing comma at the closing brace on line 4 (System.Text.Json counts from 0).
        Assert.Equal(4, e.Line);
        Assert.StartsWith($"{RigJson.FileName}:4: (syntax): must be valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_UnclosedStringOnLineTwo_ReportsLineTwo()
    {
        const string Json = "{\n  \"name\": \"x,\n  \"cameras\": []\n}\n";

        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.LoadText(RigJson.FileName, Json));

        Assert.Equal(2, e.Line);
        Assert.Contains($"{RigJson.FileName}:2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_CommentsInFile_Accepted()
    {
        string json = "// rig for the test bench\n" + RigJson.Valid().ToJsonString();

        Assert.Equal(2, RigFile.LoadText(RigJson.FileName, json).Count);
    }

    [Fact]
    public void LoadText_EmptyText_RejectedAsSyntax()
    {
        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.LoadText(RigJson.FileName, string.Empty));

        Assert.Equal("(syntax)", e.Field);
        Assert.StartsWith(RigJson.FileName, e.Message, StringComparison.Ordinal);
    }
}
