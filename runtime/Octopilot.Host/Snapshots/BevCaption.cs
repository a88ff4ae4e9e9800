using System.Globalization;
using System.Text;
using Octopilot.Fusion.Tracking;

namespace Octopilot.Host.Snapshots;

/// <summary>
/// The BEV picture's caption bar: the caller's caption and a summary of what the car believes, upper-cased and cut
/// into rows that fit the picture, then a legend row of camera colours ("CAM" and, per camera, a swatch and its
/// batch index). Only <see cref="TinyFont.Characters"/> are drawn: lower case becomes upper case, a line break starts
/// a new row, any other whitespace is a space and anything else is '?'.
/// </summary>
internal static class BevCaption
{
    public const string LegendPrefix = "CAM";

    /// <summary>The text as TinyFont draws it: upper case, line breaks kept, other whitespace a space, anything else '?'.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char upper = char.ToUpperInvariant(c);
            builder.Append(
                upper == '\n' ? '\n'
                : char.IsWhiteSpace(upper) ? ' '
                : TinyFont.Characters.Contains(upper) ? upper
                : '?');
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> sanitized and cut into rows of at most <paramref name="columns"/> characters: at line
    /// breaks, then greedily at spaces; a word longer than a row is split. Empty lines are dropped.
    /// </summary>
    public static List<string> Wrap(string text, int columns)
    {
        var rows = new List<string>();
        foreach (string line in Sanitize(text).Split('\n'))
        {
            var row = new StringBuilder();
            foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string rest = word;
                while (rest.Length > 0)
                {
                    int room = row.Length == 0 ? columns : columns - row.Length - 1;
                    if (rest.Length <= room)
                    {
                        row.Append(row.Length == 0 ? string.Empty : " ").Append(rest);
                        break;
                    }

                    if (row.Length > 0)
                    {
                        rows.Add(row.ToString());
                        row.Clear();
                        continue;
                    }

                    rows.Add(rest[..columns]);
                    rest = rest[columns..];
                }
            }

            if (row.Length > 0)
            {
                rows.Add(row.ToString());
            }
        }

        return rows;
    }

    /// <summary>
    /// Caption-bar position (row, first character column) of each camera's legend entry: "CAM" first, then per camera a
    /// swatch one character wide and its index, entries one space apart, wrapping to new rows. Returns the rows used.
    /// </summary>
    public static int LayOutLegend(int cameraCount, int columns, Span<(int Row, int Column)> entries)
    {
        int row = 0;
        int column = LegendPrefix.Length;
        for (int camera = 0; camera < cameraCount; camera++)
        {
            int width = 1 + camera.ToString(CultureInfo.InvariantCulture).Length;
            if (column + 1 + width > columns && column > 0)
            {
                row++;
                column = -1; // the separating space is not needed at the start of a row
            }

            entries[camera] = (row, column + 1);
            column += 1 + width;
        }

        return row + 1;
    }

    /// <summary>
    /// One line about the world state: fitted lanes (count, ego lane, its width at x = 0 in m, confidence) and tracks by
    /// state. For example "LANES 3 EGO 1 W 3.60 M CONF 0.82 TRACKS 4 CONFIRMED 2".
    /// </summary>
    public static string Summary(int laneCount, int egoLaneIndex, double egoLaneWidthM, double confidence, ReadOnlySpan<ObjectTrack> tracks)
    {
        int confirmed = 0, tentative = 0;
        foreach (ref readonly ObjectTrack track in tracks)
        {
            confirmed += track.State == TrackState.Confirmed ? 1 : 0;
            tentative += track.State == TrackState.Tentative ? 1 : 0;
        }

        string lanes = laneCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $"LANES {laneCount} EGO {(egoLaneIndex >= 0 ? egoLaneIndex.ToString(CultureInfo.InvariantCulture) : "NONE")} W {egoLaneWidthM:0.00} M CONF {confidence:0.00}")
            : "LANES NONE";
        return string.Create(CultureInfo.InvariantCulture, $"{lanes} TRACKS {confirmed + tentative} CONFIRMED {confirmed}");
    }
}
