namespace Octopilot.Replay.Tests.Infrastructure;

/// <summary>What <see cref="CameraDrive"/> does to one frame's payload when writing it.</summary>
public enum FrameDamage
{
    None,

    /// <summary>The LZ4 block cut in half: the record is valid (its CRC covers what was written), the block does not decode.</summary>
    TruncatedBlock,

    /// <summary>The prefix says 32x24: a frame of another size than the stream's.</summary>
    WrongSize,
}
