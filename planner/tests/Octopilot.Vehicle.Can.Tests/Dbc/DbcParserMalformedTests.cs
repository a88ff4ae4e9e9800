using Octopilot.Vehicle.Can.Dbc;

namespace Octopilot.Vehicle.Can.Tests.Dbc;

/// <summary>Malformed lines are reported with file, line number, the line and what was expected; all of them at once.</summary>
public class DbcParserMalformedTests
{
    private const string Header = "VERSION \"\"\n\nBU_: XXX\n\n"; // 4 lines: the BO_ below is line 5

    [Theory]
    [InlineData("BO_ abc SPEED: 8 XXX", 5, "expected a message id")]
    [InlineData("BO_ 180 SPEED 8 XXX", 5, "expected ':' after message name SPEED")]
    [InlineData("BO_ 180 SPEED: 99 XXX", 5, "expected the message size in bytes (0..64)")]
    [InlineData("BO_ 4000 SPEED: 8 XXX", 5, "expected a standard id ≤ 0x7FF")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47|16@2+ (0.01,0) [0|250] \"km/h\" XXX", 6, "expected byte order 0 (Motorola, big-endian) or 1 (Intel, little-endian)")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47|16@0* (0.01,0) [0|250] \"km/h\" XXX", 6, "expected '+' (unsigned) or '-' (signed)")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47|16@0+ (0.01;0) [0|250] \"km/h\" XXX", 6, "expected (factor,offset)")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47|16@0+ (0.01,0) [0,250] \"km/h\" XXX", 6, "expected [min|max]")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47|16@0+ (0.01,0) [0|250] \"km/h XXX", 6, "expected the unit as a quoted string")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 47-16@0+ (0.01,0) [0|250] \"km/h\" XXX", 6, "expected start|length@")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 63|16@1+ (0.01,0) [0|250] \"km/h\" XXX", 6, "runs past its last byte")]
    [InlineData("BO_ 180 SPEED: 2 XXX\n SG_ SPEED : 15|16@0+ (0.01,0) [0|250] \"km/h\" XXX", 6, "runs past its last byte")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 80|8@1+ (1,0) [0|0] \"\" XXX", 6, "expected start bit 80 of SPEED inside the 8-byte message")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 7|0@0+ (1,0) [0|0] \"\" XXX", 6, "expected a signal length of 1..64 bits")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ SPEED : 7|8@0+ (0,0) [0|0] \"\" XXX", 6, "expected a non-zero factor")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@0+ (1,0) [0|0] \"\" XXX\n SG_ A : 15|8@0+ (1,0) [0|0] \"\" XXX", 7, "each signal name once")]
    [InlineData("BO_ 180 SPEED: 8 XXX\nBO_ 180 OTHER: 8 XXX", 6, "0xB4 is already SPEED on line 5")]
    [InlineData(" SG_ SPEED : 47|16@0+ (0.01,0) [0|250] \"km/h\" XXX", 5, "expected SG_ to follow a BO_ line")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@0+ (1,0) [0|0] \"\" XXX\nVAL_ 180 B 1 \"one\" ;", 7, "it has no 'B'")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@0+ (1,0) [0|0] \"\" XXX\nVAL_ 181 A 1 \"one\" ;", 7, "no message has id 181")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@0+ (1,0) [0|0] \"\" XXX\nVAL_ 180 A 1 one ;", 7, "expected a quoted description after value 1")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@0+ (1,0) [0|0] \"\" XXX\nVAL_ 180 A 1 \"one\"", 7, "expected ';' at the end of VAL_")]
    [InlineData("BO_ 180 SPEED: 8 XXX\n SG_ A x : 7|8@0+ (1,0) [0|0] \"\" XXX", 6, "or a multiplex marker M / mN")]
    [InlineData("FOO_ 1 2 3", 5, "found 'FOO_'")]
    [InlineData("CM_ SG_ 180 A \"never closed;", 5, "a string opened in a skipped statement runs to the end of the file")]
    public void Parse_MalformedLine_ReportsFileLineTextAndExpectation(string body, int line, string expected)
    {
        string text = Header + body + "\n";

        DbcParseException e = Assert.Throws<DbcParseException>(() => DbcParser.Parse(text, "made-up.dbc"));

        DbcParseError error = Assert.Single(e.Errors);
        Assert.Equal("made-up.dbc", error.SourceName);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(expected, error.Problem, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n')[line - 1], error.LineText);
        Assert.Contains($"made-up.dbc:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralMalformedLines_ReportsEveryOneInOrder()
    {
        const string text = "BO_ 180 SPEED: 8 XXX\n SG_ A : 7|8@3+ (1,0) [0|0] \"\" XXX\n SG_ B : 15|8@0+ (1,0) [0|0] \"\" XXX\nBO_ x Y: 8 XXX\n SG_ C : 23|8@0+ (1,0 [0|0] \"\" XXX\n";

        DbcParseException e = Assert.Throws<DbcParseException>(() => DbcParser.Parse(text, "three.dbc"));

        Assert.Equal([2, 4, 5], e.Errors.Select(x => x.LineNumber));
        Assert.StartsWith("3 malformed DBC line(s):", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SignalAfterRejectedMessage_NotBlamedOnThePreviousMessage()
    {
        const string text = "BO_ 180 A: 8 XXX\n SG_ X : 7|8@0+ (1,0) [0|0] \"\" XXX\nBO_ 181 B 8 XXX\n SG_ Y : 7|8@0+ (1,0) [0|0] \"\" XXX\n";

        DbcParseException e = Assert.Throws<DbcParseException>(() => DbcParser.Parse(text, "t.dbc"));

        // The SG_ under the broken BO_ is reported too: it has no message to belong to.
        Assert.Equal([3, 4], e.Errors.Select(x => x.LineNumber));
    }
}
