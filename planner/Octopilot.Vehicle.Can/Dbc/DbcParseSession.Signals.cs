namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>The <c>SG_</c> statement: <c>SG_ name [M|mN] : start|length@order sign (factor,offset) [min|max] "unit" receivers</c>.</summary>
internal sealed partial class DbcParseSession
{
    private void Signal(ReadOnlySpan<char> text, ref DbcCursor cursor)
    {
        if (_current is null)
        {
            if (!_skippingIndependentSignals)
            {
                Fail(text, "expected SG_ to follow a BO_ line (a signal belongs to the message above it)");
            }

            return;
        }

        if (!cursor.TryIdentifier(out string name))
        {
            Fail(text, "expected a signal name (identifier) after SG_");
            return;
        }

        DbcMultiplexing multiplexing = DbcMultiplexing.None;
        long multiplexValue = 0;
        if (!cursor.TryChar(':'))
        {
            if (!cursor.TryIdentifier(out string marker) || !TryMultiplexMarker(marker, out multiplexing, out multiplexValue) || !cursor.TryChar(':'))
            {
                Fail(text, $"expected ':' (or a multiplex marker M / mN, then ':') after signal name {name}");
                return;
            }
        }

        if (!cursor.TryUnsigned(out ulong startBit) || !cursor.TryChar('|') || !cursor.TryUnsigned(out ulong length) || !cursor.TryChar('@'))
        {
            Fail(text, $"expected start|length@ after '{name} :' (e.g. 7|16@0+)");
            return;
        }

        if (!cursor.TryTightChar(out char order) || order is not ('0' or '1'))
        {
            Fail(text, "expected byte order 0 (Motorola, big-endian) or 1 (Intel, little-endian) right after '@'");
            return;
        }

        if (!cursor.TryTightChar(out char sign) || sign is not ('+' or '-'))
        {
            Fail(text, "expected '+' (unsigned) or '-' (signed) right after the byte order");
            return;
        }

        if (!cursor.TryChar('(') || !cursor.TryNumber(out double factor) || !cursor.TryChar(',') || !cursor.TryNumber(out double offset) || !cursor.TryChar(')'))
        {
            Fail(text, "expected (factor,offset) after the byte order and sign, e.g. (0.01,0)");
            return;
        }

        if (!cursor.TryChar('[') || !cursor.TryNumber(out double minimum) || !cursor.TryChar('|') || !cursor.TryNumber(out double maximum) || !cursor.TryChar(']'))
        {
            Fail(text, "expected [min|max] after (factor,offset), e.g. [0|250]");
            return;
        }

        if (!cursor.TryQuoted(out string unit))
        {
            Fail(text, "expected the unit as a quoted string after [min|max], e.g. \"km/h\" or \"\"");
            return;
        }

        var receivers = new List<string>();
        while (!cursor.AtEnd)
        {
            if (cursor.TryChar(','))
            {
                continue;
            }

            if (!cursor.TryIdentifier(out string receiver))
            {
                Fail(text, "expected receiver node names (identifiers, comma-separated) after the unit");
                return;
            }

            receivers.Add(receiver);
        }

        if (!CheckLayout(text, name, (int)Math.Min(startBit, int.MaxValue), (int)Math.Min(length, int.MaxValue), order == '0', factor))
        {
            return;
        }

        if (_current.Signals.Exists(s => s.Name == name))
        {
            Fail(text, $"expected each signal name once per message: {_current.Name} already has {name}");
            return;
        }

        _current.Signals.Add(new DbcSignal
        {
            Name = name,
            StartBit = (int)startBit,
            LengthBits = (int)length,
            ByteOrder = order == '0' ? DbcByteOrder.Motorola : DbcByteOrder.Intel,
            IsSigned = sign == '-',
            Factor = factor,
            Offset = offset,
            Minimum = minimum,
            Maximum = maximum,
            Unit = unit,
            Receivers = receivers,
            Multiplexing = multiplexing,
            MultiplexValue = multiplexValue,
            LineNumber = _line,
        });
    }

    /// <summary>The signal's bits must lie inside the message; factor 0 would make encoding divide by zero.</summary>
    private bool CheckLayout(ReadOnlySpan<char> text, string name, int startBit, int length, bool motorola, double factor)
    {
        int messageBits = _current!.SizeBytes * 8;
        if (length is < 1 or > DbcParser.MaxSignalBits)
        {
            Fail(text, $"expected a signal length of 1..{DbcParser.MaxSignalBits} bits (got {length}) for {name}");
            return false;
        }

        if (startBit >= messageBits)
        {
            Fail(text, $"expected start bit {startBit} of {name} inside the {_current.SizeBytes}-byte message {_current.Name} (bits 0..{messageBits - 1})");
            return false;
        }

        // Intel runs upwards from the start bit; Motorola runs from its MSB downwards within a byte, then on to the next byte.
        int lastBitLinear = motorola ? ((startBit / 8 * 8) + (7 - (startBit % 8)) + length - 1) : startBit + length - 1;
        if (lastBitLinear >= messageBits)
        {
            Fail(text, $"expected {name} ({startBit}|{length}@{(motorola ? 0 : 1)}) to fit in the {_current.SizeBytes}-byte message {_current.Name}: it runs past its last byte");
            return false;
        }

        if (factor == 0)
        {
            Fail(text, $"expected a non-zero factor for {name}");
            return false;
        }

        return true;
    }

    /// <summary><c>M</c>, <c>m3</c>, or <c>m3M</c> (extended multiplexing; kept as multiplexed by 3, its own role ignored).</summary>
    private static bool TryMultiplexMarker(string marker, out DbcMultiplexing multiplexing, out long value)
    {
        value = 0;
        multiplexing = DbcMultiplexing.None;
        if (marker == "M")
        {
            multiplexing = DbcMultiplexing.Multiplexor;
            return true;
        }

        if (marker.Length < 2 || marker[0] != 'm')
        {
            return false;
        }

        ReadOnlySpan<char> digits = marker.AsSpan(1).TrimEnd('M');
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        multiplexing = DbcMultiplexing.Multiplexed;
        return true;
    }
}
