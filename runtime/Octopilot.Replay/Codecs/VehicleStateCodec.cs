using Octopilot.Planner.Inputs;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// <see cref="VehicleState"/> ↔ bytes (<see cref="SizeBytes"/>): speed, accel, yaw rate (f64 each), then the driver:
/// turn signal, lane-change request (u8 each), set speed (f64), time gap, engaged, resume (u8 each).
/// </summary>
public static class VehicleStateCodec
{
    public const int SizeBytes = (3 * 8) + 2 + 8 + 3;

    public static void Write(in VehicleState value, Span<byte> destination)
    {
        var c = new PayloadWriter(destination);
        Write(ref c, value);
    }

    public static VehicleState Read(ReadOnlySpan<byte> source)
    {
        PayloadChecks.RequireLength(source, SizeBytes, "vehicle state");
        var c = new PayloadReader(source);
        return Read(ref c);
    }

    internal static void Write(ref PayloadWriter c, in VehicleState value)
    {
        c.WriteDouble(value.SpeedMps);
        c.WriteDouble(value.AccelMps2);
        c.WriteDouble(value.YawRateRadps);
        DriverInputs d = value.Driver;
        c.WriteByte((byte)d.TurnSignal);
        c.WriteByte((byte)d.LaneChangeRequest);
        c.WriteDouble(d.SetSpeedMps);
        c.WriteByte((byte)d.TimeGap);
        c.WriteBool(d.Engaged);
        c.WriteBool(d.ResumePressed);
    }

    internal static VehicleState Read(ref PayloadReader c)
    {
        double speed = c.ReadDouble();
        double accel = c.ReadDouble();
        double yawRate = c.ReadDouble();
        var turn = (Side)c.ReadByte();
        var request = (Side)c.ReadByte();
        double setSpeed = c.ReadDouble();
        var gap = (TimeGapSetting)c.ReadByte();
        bool engaged = c.ReadBool();
        bool resume = c.ReadBool();
        return new VehicleState
        {
            SpeedMps = speed,
            AccelMps2 = accel,
            YawRateRadps = yawRate,
            Driver = new DriverInputs
            {
                TurnSignal = turn, LaneChangeRequest = request, SetSpeedMps = setSpeed, TimeGap = gap, Engaged = engaged, ResumePressed = resume,
            },
        };
    }
}
