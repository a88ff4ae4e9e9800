using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Dbc;

/// <summary>The opendbc Toyota DBCs (the RAV4's powertrain and radar) parse completely, with the values the files state.</summary>
public class DbcParserRealFilesTests
{
    [Fact]
    public void Load_ToyotaPowertrain_AllMessagesWithTheirSignals()
    {
        DbcFile dbc = ToyotaData.Powertrain;

        Assert.Equal(58, dbc.Messages.Count); // SOURCE.md: "31.6 KB, 58 messages"
        DbcMessage speed = dbc.GetMessage("SPEED");
        Assert.Equal((0xB4u, 8, false), (speed.Id, speed.SizeBytes, speed.IsExtended));
        DbcSignal kph = speed.GetSignal("SPEED");
        Assert.Equal((47, 16, DbcByteOrder.Motorola, false), (kph.StartBit, kph.LengthBits, kph.ByteOrder, kph.IsSigned));
        Assert.Equal((0.01, 0.0, 0.0, 250.0, "km/h"), (kph.Factor, kph.Offset, kph.Minimum, kph.Maximum, kph.Unit));

        DbcSignal wheel = dbc.GetMessage("WHEEL_SPEEDS").GetSignal("WHEEL_SPEED_FR");
        Assert.Equal((6, 15, -67.67), (wheel.StartBit, wheel.LengthBits, wheel.Offset));
        Assert.Equal(["AFS", "BSR", "DS1", "FCM", "KSS", "MAV", "SCS"], wheel.Receivers);

        DbcSignal accel = dbc.GetMessage("ACC_CONTROL").GetSignal("ACCEL_CMD");
        Assert.True(accel.IsSigned);
        Assert.Equal((-20.0, 20.0, "m/s^2"), (accel.Minimum, accel.Maximum, accel.Unit));

        Assert.Equal(DbcByteOrder.Intel, dbc.GetMessage("CLUTCH").GetSignal("ACCEL_NET").ByteOrder);
        Assert.Equal(7, dbc.GetMessage("DSU_CRUISE").SizeBytes); // "BO_ 869 DSU_CRUISE : 7 DSU": a blank before the colon
        Assert.Equal(["XXX", "DSU", "HCU", "EPS", "IPAS", "CGW", "BGM"], dbc.Nodes.Take(7));
    }

    [Fact]
    public void Load_ToyotaPowertrain_ValueTablesAttachToTheirSignals()
    {
        DbcFile dbc = ToyotaData.Powertrain;

        IReadOnlyDictionary<long, string> turn = dbc.GetMessage("BLINKERS_STATE").GetSignal("TURN_SIGNALS").ValueDescriptions;
        Assert.Equal("left", turn[1]);
        Assert.Equal("right", turn[2]);
        Assert.Equal("none", turn[3]);
        Assert.Equal("adaptive engaged", dbc.GetMessage("PCM_CRUISE").GetSignal("CRUISE_STATE").ValueDescriptions[8]);
        Assert.Equal(23, dbc.GetMessage("RSA2").GetSignal("TSGN3").ValueDescriptions.Count);
        Assert.Empty(dbc.GetMessage("SPEED").GetSignal("SPEED").ValueDescriptions);
    }

    [Fact]
    public void Load_ToyotaAdas_RadarTracks()
    {
        DbcFile dbc = ToyotaData.Adas;

        Assert.All(Enumerable.Range(0, 16), i =>
        {
            DbcMessage a = dbc.GetMessage($"TRACK_A_{i}");
            Assert.Equal((uint)(0x210 + i), a.Id);
            DbcSignal longDist = a.GetSignal("LONG_DIST");
            Assert.Equal((15, 15, 0.01), (longDist.StartBit, longDist.LengthBits, longDist.Factor));
            Assert.True(a.GetSignal("LAT_DIST").IsSigned);
            Assert.Equal((uint)(0x220 + i), dbc.GetMessage($"TRACK_B_{i}").Id);
        });
        Assert.Equal("fault", dbc.GetMessage("STATUS_MSG").GetSignal("RADAR_STATUS").ValueDescriptions[3]);
    }

    [Theory]
    [InlineData("_community.dbc")]
    [InlineData("_toyota_2017.dbc")]
    [InlineData("_toyota_adas_standard.dbc")]
    [InlineData("toyota_adas.dbc")]
    [InlineData("toyota_new_mc_pt.dbc")]
    [InlineData("toyota_nodsu_pt.dbc")]
    [InlineData("toyota_tnga_k_pt.dbc")]
    [InlineData("toyota_tss2_adas.dbc")]
    public void Load_EveryOpendbcToyotaSource_Parses(string fileName)
    {
        DbcFile dbc = DbcParser.Load(Path.Combine(ToyotaData.SourceFolder, fileName));

        Assert.All(dbc.Messages, m => Assert.InRange(m.SizeBytes, 0, DbcParser.MaxMessageBytes));
    }
}
