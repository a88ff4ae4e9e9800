using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// <see cref="WorldModelSnapshot"/> ↔ bytes, variable length: stamp (i64), valid (u8), lane count, ego lane (i32),
/// ego offset, lane width (f64), left/right/front cameras healthy (u8), ego centre line c0, c1, c2, c3, confidence (f64)
/// and present (u8), object count (i32, the header's last field), then per object
/// id (i32), x, y, vx, vy, ax, length, width (f64), lane (i32): <see cref="ObjectBytes"/> each. Only the objects
/// present are written, so a snapshot with few tracks is small. Last, the ego lane's left and right boundary markings
/// (u8 each, <see cref="LaneMarking"/>): <see cref="MarkingsBytes"/>.
/// <para>The markings trailer came after the first recordings. A payload without it (header + objects only) is still
/// read, with both markings <see cref="LaneMarking.Unknown"/> (what its producer knew); <see cref="LegacySizeOf"/> is
/// its length, so a replay compares a new snapshot with such a record over the bytes both layouts have. The lengths
/// cannot be confused: objects are 64 bytes, the trailer 2.</para>
/// </summary>
public static class WorldModelCodec
{
    public const int HeaderBytes = 8 + 1 + 4 + 4 + 8 + 8 + 3 + CentreLineBytes + 4;
    public const int CentreLineBytes = (5 * 8) + 1;
    public const int ObjectBytes = 4 + (7 * 8) + 4;
    public const int MarkingsBytes = 2;
    public const int MaxSizeBytes = HeaderBytes + (TrackedObjectList.Capacity * ObjectBytes) + MarkingsBytes;

    public static int SizeOf(in WorldModelSnapshot value) => LegacySizeOf(value.Objects.Count) + MarkingsBytes;

    /// <summary>Length of a payload without the markings trailer (recorded before it existed), for <paramref name="objectCount"/> objects.</summary>
    public static int LegacySizeOf(int objectCount) => HeaderBytes + (objectCount * ObjectBytes);

    /// <summary>Writes the snapshot; returns the bytes written (<see cref="SizeOf"/>).</summary>
    public static int Write(in WorldModelSnapshot value, Span<byte> destination)
    {
        var c = new PayloadWriter(destination);
        c.WriteInt64(value.TimestampNs);
        c.WriteBool(value.IsValid);
        c.WriteInt32(value.LaneCount);
        c.WriteInt32(value.EgoLaneIndex);
        c.WriteDouble(value.EgoLateralOffsetM);
        c.WriteDouble(value.LaneWidthM);
        c.WriteBool(value.LeftCamerasHealthy);
        c.WriteBool(value.RightCamerasHealthy);
        c.WriteBool(value.FrontCamerasHealthy);
        LaneCentreLine line = value.EgoCentreLine;
        c.WriteDouble(line.C0M);
        c.WriteDouble(line.C1);
        c.WriteDouble(line.C2PerM);
        c.WriteDouble(line.C3PerM2);
        c.WriteDouble(line.ConfidenceUnit);
        c.WriteBool(line.IsPresent);
        ReadOnlySpan<TrackedObject> objects = value.Objects.AsSpan();
        c.WriteInt32(objects.Length);
        foreach (ref readonly TrackedObject o in objects)
        {
            c.WriteInt32(o.Id);
            c.WriteDouble(o.XM);
            c.WriteDouble(o.YM);
            c.WriteDouble(o.VxMps);
            c.WriteDouble(o.VyMps);
            c.WriteDouble(o.AxMps2);
            c.WriteDouble(o.LengthM);
            c.WriteDouble(o.WidthM);
            c.WriteInt32(o.LaneIndex);
        }

        c.WriteByte((byte)value.EgoLeftBoundaryMarking);
        c.WriteByte((byte)value.EgoRightBoundaryMarking);
        return c.Position;
    }

    /// <summary>Reads a snapshot into <paramref name="value"/> (overwritten, objects cleared first). No allocation.</summary>
    public static void Read(ReadOnlySpan<byte> source, ref WorldModelSnapshot value)
    {
        PayloadChecks.RequireAtLeast(source, HeaderBytes, "world model");
        var c = new PayloadReader(source);
        value.TimestampNs = c.ReadInt64();
        value.IsValid = c.ReadBool();
        value.LaneCount = c.ReadInt32();
        value.EgoLaneIndex = c.ReadInt32();
        value.EgoLateralOffsetM = c.ReadDouble();
        value.LaneWidthM = c.ReadDouble();
        value.LeftCamerasHealthy = c.ReadBool();
        value.RightCamerasHealthy = c.ReadBool();
        value.FrontCamerasHealthy = c.ReadBool();
        double c0M = c.ReadDouble();
        double c1 = c.ReadDouble();
        double c2PerM = c.ReadDouble();
        double c3PerM2 = c.ReadDouble();
        double confidenceUnit = c.ReadDouble();

        // An absent line is written as default (all zero), so reading it back as default keeps the bytes identical.
        value.EgoCentreLine = c.ReadBool() ? new LaneCentreLine(c0M, c1, c2PerM, c3PerM2, confidenceUnit) : default;
        int count = c.ReadInt32();
        if (count < 0 || count > TrackedObjectList.Capacity)
        {
            throw new PayloadException($"world model payload holds {count} objects; 0..{TrackedObjectList.Capacity} are allowed");
        }

        bool hasMarkings = source.Length == SizeOf(count);
        if (!hasMarkings && source.Length != LegacySizeOf(count))
        {
            throw new PayloadException($"world model payload is {source.Length} bytes; with {count} objects it must be {SizeOf(count)} bytes (or {LegacySizeOf(count)} without the boundary markings of older recordings)");
        }
        value.Objects.Clear();
        for (int i = 0; i < count; i++)
        {
            value.Objects.TryAdd(new TrackedObject
            {
                Id = c.ReadInt32(),
                XM = c.ReadDouble(),
                YM = c.ReadDouble(),
                VxMps = c.ReadDouble(),
                VyMps = c.ReadDouble(),
                AxMps2 = c.ReadDouble(),
                LengthM = c.ReadDouble(),
                WidthM = c.ReadDouble(),
                LaneIndex = c.ReadInt32(),
            });
        }

        value.EgoLeftBoundaryMarking = hasMarkings ? ReadMarking(ref c, "left") : LaneMarking.Unknown;
        value.EgoRightBoundaryMarking = hasMarkings ? ReadMarking(ref c, "right") : LaneMarking.Unknown;
    }

    private static int SizeOf(int objectCount) => LegacySizeOf(objectCount) + MarkingsBytes;

    private static LaneMarking ReadMarking(ref PayloadReader c, string side)
    {
        byte raw = c.ReadByte();
        if (raw > (byte)LaneMarking.Solid)
        {
            throw new PayloadException($"world model payload: ego {side} boundary marking {raw} is not one of 0 (unknown), 1 (dashed), 2 (solid)");
        }

        return (LaneMarking)raw;
    }
}
