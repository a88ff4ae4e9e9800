using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Tests.Dbc;

/// <summary>The parts of the DBC format the subset accepts but ignores, or accepts in their simple form.</summary>
public class DbcParserSubsetTests
{
    [Fact]
    public void Parse_SkippedStatements_IncludingMultiLineStrings_AreIgnored()
    {
        const string text = """
            VERSION "1.0"
            NS_ :
                NS_DESC_
                CM_
                BA_DEF_
            BS_:
            BU_: ECU1 ECU2
            // a comment line
            BO_ 100 MSG: 2 ECU1
             SG_ A : 0|8@1+ (1,0) [0|255] "" ECU2
            CM_ SG_ 100 A "a comment
            that runs over
            three lines; with a semicolon inside";
            BA_DEF_ SG_ "GenSigStartValue" INT 0 10000;
            BA_ "GenMsgCycleTime" BO_ 100 20;
            VAL_TABLE_ Onoff 1 "on" 0 "off" ;
            SIG_GROUP_ 100 G 1 : A;
            BO_TX_BU_ 100 : ECU1,ECU2;
            """;

        DbcFile dbc = DbcParser.Parse(text, "skips.dbc");

        Assert.Equal("MSG", Assert.Single(dbc.Messages).Name);
        Assert.Equal(["ECU1", "ECU2"], dbc.Nodes);
    }

    [Fact]
    public void Parse_ExtendedIdFlag_GivesA29BitMessage()
    {
        DbcFile dbc = DbcParser.Parse("BO_ 2566844926 J1939: 8 XXX\n SG_ A : 0|8@1+ (1,0) [0|0] \"\" XXX\n", "ext.dbc");

        DbcMessage message = Assert.Single(dbc.Messages);
        Assert.True(message.IsExtended);
        Assert.Equal(0x18FEF1FEu, message.Id);
        Assert.True(dbc.TryGetMessage(0x18FEF1FE, isExtended: true, out _));
        Assert.False(dbc.TryGetMessage(0x18FEF1FE, isExtended: false, out _));
    }

    [Fact]
    public void Parse_MultiplexMarkers_AreKept()
    {
        const string text = "BO_ 200 MUX: 8 XXX\n SG_ SEL M : 0|8@1+ (1,0) [0|0] \"\" XXX\n SG_ LOW m0 : 8|16@1+ (1,0) [0|0] \"\" XXX\n SG_ HIGH m1 : 8|16@1- (0.5,0) [0|0] \"V\" XXX\n SG_ NEST m2M : 24|4@1+ (1,0) [0|0] \"\" XXX\n";

        DbcMessage message = Assert.Single(DbcParser.Parse(text, "mux.dbc").Messages);

        Assert.Equal(DbcMultiplexing.Multiplexor, message.GetSignal("SEL").Multiplexing);
        Assert.Equal((DbcMultiplexing.Multiplexed, 0L), (message.GetSignal("LOW").Multiplexing, message.GetSignal("LOW").MultiplexValue));
        Assert.Equal((DbcMultiplexing.Multiplexed, 1L), (message.GetSignal("HIGH").Multiplexing, message.GetSignal("HIGH").MultiplexValue));
        Assert.Equal(2L, message.GetSignal("NEST").MultiplexValue);
    }

    [Fact]
    public void Parse_IndependentSignalsPseudoMessage_IsSkipped()
    {
        const string text = "BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX\n SG_ ORPHAN : 0|8@1+ (1,0) [0|0] \"\" XXX\nBO_ 1 REAL: 1 XXX\n SG_ A : 0|8@1+ (1,0) [0|0] \"\" XXX\n";

        Assert.Equal("REAL", Assert.Single(DbcParser.Parse(text, "vector.dbc").Messages).Name);
    }

    [Fact]
    public void Parse_FloatSignal_CodecRefusesItNamingIt()
    {
        const string text = "BO_ 300 F: 8 XXX\n SG_ TEMP : 0|32@1- (1,0) [0|0] \"C\" XXX\nSIG_VALTYPE_ 300 TEMP : 1;\n";
        DbcMessage message = Assert.Single(DbcParser.Parse(text, "float.dbc").Messages);

        NotSupportedException e = Assert.Throws<NotSupportedException>(() => SignalCodec.Create(message, message.GetSignal("TEMP")));

        Assert.Contains("F.TEMP: IEEE float signals", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSignal_Unknown_ThrowsListingTheMessagesSignals()
    {
        DbcMessage message = Assert.Single(DbcParser.Parse("BO_ 1 M: 1 XXX\n SG_ A : 0|4@1+ (1,0) [0|0] \"\" XXX\n SG_ B : 4|4@1+ (1,0) [0|0] \"\" XXX\n", "m.dbc").Messages);

        KeyNotFoundException e = Assert.Throws<KeyNotFoundException>(() => message.GetSignal("C"));

        Assert.Contains("message M (0x1) has no signal 'C'; it has: A, B", e.Message, StringComparison.Ordinal);
    }
}
