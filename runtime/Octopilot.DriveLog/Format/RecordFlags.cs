namespace Octopilot.DriveLog.Format;

/// <summary>Record flags (FORMAT.md). Unknown bits are kept and ignored by readers.</summary>
[Flags]
public enum RecordFlags : byte
{
    None = 0,

    /// <summary>The payload after its type-specific prefix is an LZ4 block (camera frames).</summary>
    Lz4 = 1,
}
