using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Tests.Codecs;

public class CodecRoundTripTests
{
    [Fact]
    public void VehicleState_RoundTripsEveryField()
    {
        var state = new VehicleState
        {
            SpeedMps = 27.5, AccelMps2 = -1.25, YawRateRadps = 0.0125,
            Driver = new DriverInputs { TurnSignal = Side.Left, LaneChangeRequest = Side.Right, SetSpeedMps = 33.3, TimeGap = TimeGapSetting.Long, Engaged = true, ResumePressed = true },
        };
        var bytes = new byte[VehicleStateCodec.SizeBytes];
        VehicleStateCodec.Write(state, bytes);

        VehicleState read = VehicleStateCodec.Read(bytes);

        Assert.Equal(state.SpeedMps, read.SpeedMps);
        Assert.Equal(state.AccelMps2, read.AccelMps2);
        Assert.Equal(state.YawRateRadps, read.YawRateRadps);
        Assert.Equal(state.Driver.TurnSignal, read.Driver.TurnSignal);
        Assert.Equal(state.Driver.LaneChangeRequest, read.Driver.LaneChangeRequest);
        Assert.Equal(state.Driver.SetSpeedMps, read.Driver.SetSpeedMps);
        Assert.Equal(state.Driver.TimeGap, read.Driver.TimeGap);
        Assert.True(read.Driver.Engaged);
        Assert.True(read.Driver.ResumePressed);
    }

    [Fact]
    public void WorldModel_WithObjects_RoundTripsBitForBit_NaNPayloadIncluded()
    {
        WorldModelSnapshot world = SampleWorld(objects: 5);
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        int length = WorldModelCodec.Write(world, bytes);
        Assert.Equal(WorldModelCodec.SizeOf(world), length);

        WorldModelSnapshot read = default;
        WorldModelCodec.Read(bytes.AsSpan(0, length), ref read);

        var again = new byte[WorldModelCodec.MaxSizeBytes];
        Assert.Equal(length, WorldModelCodec.Write(read, again));
        Assert.True(bytes.AsSpan(0, length).SequenceEqual(again.AsSpan(0, length)));
        Assert.Equal(5, read.Objects.Count);
        Assert.Equal(BitConverter.DoubleToInt64Bits(world.Objects[2].AxMps2), BitConverter.DoubleToInt64Bits(read.Objects[2].AxMps2));
        Assert.True(read.EgoCentreLine.IsPresent);
        Assert.Equal(world.EgoCentreLine.C0M, read.EgoCentreLine.C0M);
        Assert.Equal(world.EgoCentreLine.C1, read.EgoCentreLine.C1);
        Assert.Equal(world.EgoCentreLine.C2PerM, read.EgoCentreLine.C2PerM);
        Assert.Equal(world.EgoCentreLine.C3PerM2, read.EgoCentreLine.C3PerM2);
        Assert.Equal(world.EgoCentreLine.ConfidenceUnit, read.EgoCentreLine.ConfidenceUnit);
    }

    [Fact]
    public void WorldModel_BoundaryMarkings_RoundTrip()
    {
        WorldModelSnapshot world = SampleWorld(objects: 2);
        world.EgoLeftBoundaryMarking = LaneMarking.Solid;
        world.EgoRightBoundaryMarking = LaneMarking.Dashed;
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        int length = WorldModelCodec.Write(world, bytes);
        Assert.Equal(WorldModelCodec.LegacySizeOf(2) + WorldModelCodec.MarkingsBytes, length);

        WorldModelSnapshot read = default;
        WorldModelCodec.Read(bytes.AsSpan(0, length), ref read);

        Assert.Equal(LaneMarking.Solid, read.EgoLeftBoundaryMarking);
        Assert.Equal(LaneMarking.Dashed, read.EgoRightBoundaryMarking);
    }

    [Fact]
    public void WorldModel_RecordedBeforeTheMarkings_ReadsWithUnknownMarkings()
    {
        WorldModelSnapshot world = SampleWorld(objects: 3);
        world.EgoLeftBoundaryMarking = LaneMarking.Solid;
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        WorldModelCodec.Write(world, bytes);

        WorldModelSnapshot read = default;
        read.EgoLeftBoundaryMarking = LaneMarking.Dashed;
        WorldModelCodec.Read(bytes.AsSpan(0, WorldModelCodec.LegacySizeOf(3)), ref read);

        Assert.Equal(3, read.Objects.Count);
        Assert.Equal(world.Objects[2].XM, read.Objects[2].XM);
        Assert.Equal(LaneMarking.Unknown, read.EgoLeftBoundaryMarking);
        Assert.Equal(LaneMarking.Unknown, read.EgoRightBoundaryMarking);
    }

    [Fact]
    public void WorldModel_UnknownMarkingOrLength_IsRefusedNamingIt()
    {
        WorldModelSnapshot world = SampleWorld(objects: 1);
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        int length = WorldModelCodec.Write(world, bytes);
        bytes[length - 1] = 7;

        WorldModelSnapshot read = default;
        var marking = Assert.Throws<PayloadException>(() => WorldModelCodec.Read(bytes.AsSpan(0, length), ref read));
        Assert.Contains("right boundary marking 7", marking.Message);
        var size = Assert.Throws<PayloadException>(() => WorldModelCodec.Read(bytes.AsSpan(0, length - 1), ref read));
        Assert.Contains($"{length - 1} bytes", size.Message);
        Assert.Contains($"{length} bytes", size.Message);
    }

    [Fact]
    public void WorldModel_LanesLost_RoundTripsAsNoCentreLine()
    {
        WorldModelSnapshot world = SampleWorld(objects: 0);
        world.EgoCentreLine = default;
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        int length = WorldModelCodec.Write(world, bytes);

        WorldModelSnapshot read = default;
        read.EgoCentreLine = new LaneCentreLine(1, 2, 3, 4, 1);
        WorldModelCodec.Read(bytes.AsSpan(0, length), ref read);

        Assert.False(read.EgoCentreLine.IsPresent);
        Assert.Equal(0, read.EgoCentreLine.C0M);
        var again = new byte[WorldModelCodec.MaxSizeBytes];
        Assert.True(bytes.AsSpan(0, length).SequenceEqual(again.AsSpan(0, WorldModelCodec.Write(read, again))));
    }

    [Fact]
    public void WorldModel_ImpossibleObjectCount_IsRefusedWithTheCount()
    {
        WorldModelSnapshot world = SampleWorld(objects: 1);
        var bytes = new byte[WorldModelCodec.MaxSizeBytes];
        int length = WorldModelCodec.Write(world, bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(WorldModelCodec.HeaderBytes - 4), 99);

        WorldModelSnapshot read = default;
        var e = Assert.Throws<PayloadException>(() => WorldModelCodec.Read(bytes.AsSpan(0, length), ref read));
        Assert.Contains("99 objects", e.Message);
    }

    [Fact]
    public void ControlCommand_RoundTripsEveryField()
    {
        var command = new PlannerOutput
        {
            TargetAccelMps2 = -2.345, Mode = LongitudinalMode.Follow, LaneChangeState = LaneChangeState.SeekingGap,
            TargetLaneIndex = 2, LateralTargetOffsetM = 1.75, LaneChangeProgress = 0.4, Alerts = PlannerAlerts.TakeoverRequest,
            TakeoverReason = TakeoverReason.WorldModelStale, Fault = InputFault.NonFiniteObject, LeadId = 17, LeadGapM = 31.5,
            DesiredGapM = 40.25, RequiredDecelMps2 = 1.5, CurvaturePerM = -0.00125, LateralAuthority = LateralAuthority.Holding,
            LateralReason = LateralReason.LaneJump,
        };
        var bytes = new byte[ControlCommandCodec.SizeBytes];
        ControlCommandCodec.Write(command, bytes);
        var again = new byte[ControlCommandCodec.SizeBytes];
        ControlCommandCodec.Write(ControlCommandCodec.Read(bytes), again);

        Assert.Equal(bytes, again);
        PlannerOutput read = ControlCommandCodec.Read(bytes);
        Assert.Equal(command.LeadId, read.LeadId);
        Assert.Equal(command.Fault, read.Fault);
        Assert.Equal(command.LaneChangeState, read.LaneChangeState);
        Assert.Equal(command.CurvaturePerM, read.CurvaturePerM);
        Assert.Equal(command.LateralAuthority, read.LateralAuthority);
        Assert.Equal(command.LateralReason, read.LateralReason);
    }

    [Fact]
    public void ControlCommand_OfAnotherLayout_IsRefusedNamingBothLengths()
    {
        var e = Assert.Throws<PayloadException>(() => ControlCommandCodec.Read(new byte[ControlCommandCodec.SizeBytes + 4]));
        Assert.Contains($"{ControlCommandCodec.SizeBytes + 4} bytes", e.Message);
        Assert.Contains($"{ControlCommandCodec.SizeBytes} bytes", e.Message);
    }

    [Fact]
    public void FrameSet_RoundTrips_AndRefusesAnotherCameraCount()
    {
        var set = new FrameSetRecord(3) { SetSequence = 42, ArrivedMask = 0b101, RecordedMask = 0b001, EgoSpeedMps = 25, EgoYawRateRadps = 0.01 };
        set.StartOfFrameNs[0] = 1_000;
        set.StartOfFrameNs[2] = 3_000;
        set.CameraSequence[0] = 7;
        set.CameraSequence[2] = 9;
        var bytes = new byte[FrameSetCodec.SizeOf(3)];
        FrameSetCodec.Write(set, bytes);

        var read = new FrameSetRecord(3);
        FrameSetCodec.Read(bytes, read);

        Assert.Equal(42, read.SetSequence);
        Assert.Equal(0b101u, read.ArrivedMask);
        Assert.Equal(0b001u, read.RecordedMask);
        Assert.Equal(3_000, read.NewestStartOfFrameNs);
        Assert.Equal(9, read.CameraSequence[2]);
        Assert.Throws<PayloadException>(() => FrameSetCodec.Read(bytes, new FrameSetRecord(8)));
    }

    [Fact]
    public void Frame_CompressesAndDecodesStraightIntoTheSlot_BitIdentical()
    {
        const int width = 64, height = 48;
        var rgb = new byte[width * height * 3];
        new Random(5).NextBytes(rgb.AsSpan(0, rgb.Length / 2)); // half noise, half flat: both LZ4 paths
        var payload = new byte[FrameCodec.MaxPayloadBytes(rgb.Length)];
        int length = FrameCodec.Encode(11, 22, 33, width, height, rgb, payload);

        FrameHeader header = FrameCodec.ReadHeader(payload.AsSpan(0, length));
        var slot = new byte[rgb.Length];
        Assert.True(FrameCodec.TryDecode(payload.AsSpan(0, length), slot));

        Assert.Equal(new FrameHeader(11, 22, 33, width, height, rgb.Length), header);
        Assert.Equal(rgb, slot);
        Assert.True(length < rgb.Length); // the flat half compresses
    }

    [Fact]
    public void Frame_TruncatedBlock_DoesNotDecode()
    {
        const int width = 32, height = 16;
        var rgb = new byte[width * height * 3];
        new Random(6).NextBytes(rgb);
        var payload = new byte[FrameCodec.MaxPayloadBytes(rgb.Length)];
        int length = FrameCodec.Encode(1, 2, 3, width, height, rgb, payload);

        Assert.False(FrameCodec.TryDecode(payload.AsSpan(0, length - 100), new byte[rgb.Length]));
    }

    internal static WorldModelSnapshot SampleWorld(int objects, long stampNs = 123_456_789)
    {
        var world = new WorldModelSnapshot
        {
            TimestampNs = stampNs, IsValid = true, LaneCount = 3, EgoLaneIndex = 1, EgoLateralOffsetM = -0.125, LaneWidthM = 3.5,
            EgoCentreLine = new LaneCentreLine(0.125, -0.0125, 1.0 / 1000, -2.5e-7, 0.875),
            LeftCamerasHealthy = true, RightCamerasHealthy = false, FrontCamerasHealthy = true,
        };
        for (int i = 0; i < objects; i++)
        {
            world.Objects.TryAdd(new TrackedObject
            {
                Id = 100 + i, XM = 10 + (7.5 * i), YM = (i % 3) - 1.0, VxMps = 20 + i, VyMps = 0.1 * i,
                AxMps2 = i == 2 ? BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF) : 0, LengthM = 4.5, WidthM = 1.8, LaneIndex = i % 3,
            });
        }

        return world;
    }
}
