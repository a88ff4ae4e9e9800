using System.Globalization;
using System.Text;

namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>Reads the tokens of one DBC line left to right. Every Try* skips leading blanks and consumes only on success.</summary>
internal ref struct DbcCursor
{
    private readonly ReadOnlySpan<char> _line;
    private int _position;

    public DbcCursor(ReadOnlySpan<char> line)
    {
        _line = line;
    }

    public bool AtEnd
    {
        get
        {
            SkipBlanks();
            return _position >= _line.Length;
        }
    }

    public ReadOnlySpan<char> Rest
    {
        get
        {
            SkipBlanks();
            return _line[_position..];
        }
    }

    /// <summary>A DBC identifier: a letter or '_' then letters, digits, '_'.</summary>
    public bool TryIdentifier(out string identifier)
    {
        SkipBlanks();
        int start = _position;
        int end = start;
        while (end < _line.Length && (char.IsAsciiLetterOrDigit(_line[end]) || _line[end] == '_'))
        {
            end++;
        }

        if (end == start || char.IsAsciiDigit(_line[start]))
        {
            identifier = string.Empty;
            return false;
        }

        identifier = _line[start..end].ToString();
        _position = end;
        return true;
    }

    public bool TryUnsigned(out ulong value)
    {
        SkipBlanks();
        int end = _position;
        while (end < _line.Length && char.IsAsciiDigit(_line[end]))
        {
            end++;
        }

        if (end == _position || !ulong.TryParse(_line[_position..end], NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return false;
        }

        _position = end;
        return true;
    }

    /// <summary>A decimal number with optional sign, fraction and exponent (invariant culture).</summary>
    public bool TryNumber(out double value)
    {
        SkipBlanks();
        int end = _position;
        while (end < _line.Length && (char.IsAsciiDigit(_line[end]) || _line[end] is '+' or '-' or '.' or 'e' or 'E'))
        {
            end++;
        }

        if (end == _position
            || !double.TryParse(_line[_position..end], NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            value = 0;
            return false;
        }

        _position = end;
        return true;
    }

    public bool TryChar(char expected)
    {
        SkipBlanks();
        if (_position < _line.Length && _line[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>The next character without blanks skipped before it, consumed (for <c>16@1+</c>, which has no blanks).</summary>
    public bool TryTightChar(out char c)
    {
        if (_position < _line.Length)
        {
            c = _line[_position++];
            return true;
        }

        c = '\0';
        return false;
    }

    /// <summary>A double-quoted string; <c>\"</c> and <c>\\</c> are unescaped.</summary>
    public bool TryQuoted(out string text)
    {
        SkipBlanks();
        text = string.Empty;
        if (_position >= _line.Length || _line[_position] != '"')
        {
            return false;
        }

        var builder = new StringBuilder();
        for (int i = _position + 1; i < _line.Length; i++)
        {
            char c = _line[i];
            if (c == '\\' && i + 1 < _line.Length)
            {
                builder.Append(_line[++i]);
            }
            else if (c == '"')
            {
                text = builder.ToString();
                _position = i + 1;
                return true;
            }
            else
            {
                builder.Append(c);
            }
        }

        return false; // no closing quote on this line
    }

    private void SkipBlanks()
    {
        while (_position < _line.Length && char.IsWhiteSpace(_line[_position]))
        {
            _position++;
        }
    }
}
