using System.Globalization;
using System.Text;

namespace Octopilot.DriveLog.Reading;

/// <summary>The summary as text for people (<c>octopilot log info</c>).</summary>
public sealed partial class DriveSummary
{
    /// <summary>Damaged ranges listed one per line; the rest are counted (a badly damaged drive has thousands).</summary>
    public const int MaxDamageLines = 20;

    /// <summary>Longest event text quoted, characters.</summary>
    private const int MaxEventTextChars = 80;

    /// <summary>A readable multi-line summary: drive, segments, duration, totals, streams, events, damage.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        IFormatProvider inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"drive {Info?.DriveId ?? "(no valid segment header)"} in {Folder.Path}\n");
        if (Info is not null)
        {
            string model = Info.ModelSha256.Length == 0 ? "no model" : $"model sha256 {Info.ModelSha256[..Math.Min(12, Info.ModelSha256.Length)]}…";
            text.Append(inv, $"  software {Info.SoftwareVersion}, created {Info.CreatedUtc}, segment length {Info.SegmentLengthS:0.###} s, {model}\n");
        }

        int firstIndex = Folder.Segments[0].Index;
        int lastIndex = Folder.Segments[^1].Index;
        text.Append(inv, $"  segments: {Folder.Segments.Count} file(s), index {firstIndex}..{lastIndex}");
        text.Append(Folder.MissingIndices.Count == 0 ? ", none missing\n" : $", {Folder.MissingIndices.Count} missing: {string.Join(", ", Folder.MissingIndices)}\n");
        if (Folder.UnrecognizedFiles.Count > 0)
        {
            text.Append(inv, $"  unrecognised files: {string.Join(", ", Folder.UnrecognizedFiles.Select(Path.GetFileName))}\n");
        }

        text.Append(inv, $"  duration: {DurationS:0.000} s (monotonic {FirstTimestampNs / 1e9:0.000} s .. {LastTimestampNs / 1e9:0.000} s)\n");
        text.Append(inv, $"  records: {RecordCount:N0} valid, payload {FormatBytes(PayloadBytes)}, files {FormatBytes(FileBytes)}");
        text.Append(UnknownTypeRecords == 0 ? "\n" : string.Create(inv, $", {UnknownTypeRecords:N0} of unknown type\n"));

        text.Append("streams\n");
        text.Append(inv, $"  {"type",-15} {"id",5}  {"name",-20} {"records",10} {"payload",11} {"rate Hz",9} {"largest gap s",14}\n");
        foreach (StreamSummary stream in Streams)
        {
            string name = stream.InHeader ? stream.Name : "(not in header)";
            text.Append(inv, $"  {stream.Type,-15} {stream.StreamId,5}  {name,-20} {stream.RecordCount,10:N0} {FormatBytes(stream.PayloadBytes),11} {stream.RateHz,9:0.00} {stream.LargestGapNs / 1e9,14:0.000}");
            text.Append(stream.BackwardSteps == 0 ? "\n" : string.Create(inv, $"  ({stream.BackwardSteps} backward timestamp steps)\n"));
        }

        if (EventsByKind.Count > 0 || MalformedEvents > 0)
        {
            text.Append("events (kind code: count, first text)\n");
            foreach (EventKindCount kind in EventsByKind)
            {
                string sample = kind.FirstText.Length <= MaxEventTextChars ? kind.FirstText : kind.FirstText[..MaxEventTextChars] + "…";
                text.Append(inv, $"  {kind.KindCode,5}: {kind.Count,8:N0}  \"{sample}\"\n");
            }

            if (MalformedEvents > 0)
            {
                text.Append(inv, $"  {MalformedEvents:N0} event record(s) too short for a kind code\n");
            }
        }

        AppendDamage(text, inv);
        return text.ToString();
    }

    private void AppendDamage(StringBuilder text, IFormatProvider inv)
    {
        if (Damages.Count == 0)
        {
            text.Append("damage: none\n");
            return;
        }

        text.Append(inv, $"damage: {Damages.Count} range(s), {FormatBytes(DamagedBytes)} lost (");
        text.AppendJoin(", ", Damages.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => string.Create(inv, $"{g.Key} {g.Count()}")));
        text.Append(")\n");
        foreach (DriveLogDamage damage in Damages.Take(MaxDamageLines))
        {
            text.Append(inv, $"  {damage}\n");
        }

        if (Damages.Count > MaxDamageLines)
        {
            text.Append(inv, $"  … {Damages.Count - MaxDamageLines} more\n");
        }
    }

    /// <summary>Bytes in binary units with three significant digits: "512 B", "1.50 MiB".</summary>
    internal static string FormatBytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.00} {units[unit]}");
    }
}
