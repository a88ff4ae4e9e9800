namespace Octopilot.DriveLog.Reading;

/// <summary>How many Event records of one kind a drive holds.</summary>
/// <param name="KindCode">The u16 kind code at the start of the Event payload (the recorder's <c>DriveEventKind</c>).</param>
/// <param name="Count">Valid Event records with that code.</param>
/// <param name="FirstText">UTF-8 text of the first such event (invalid UTF-8 as U+FFFD), as an example for people.</param>
public readonly record struct EventKindCount(ushort KindCode, long Count, string FirstText);
