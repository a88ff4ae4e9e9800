using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Tests.Snapshots;

public class TinyFontTests
{
    [Fact]
    public void IsSet_EveryPrintableGlyph_HasInk()
    {
        foreach (char c in TinyFont.Characters.Replace(" ", string.Empty, StringComparison.Ordinal))
        {
            Assert.True(Bitmap(c).Any(set => set), $"glyph '{c}' is empty");
        }
    }

    [Fact]
    public void IsSet_Space_IsBlank()
    {
        Assert.DoesNotContain(true, Bitmap(' '));
    }

    [Fact]
    public void IsSet_AllGlyphs_AreDistinct()
    {
        var glyphs = TinyFont.Characters.Select(c => string.Concat(Bitmap(c).Select(set => set ? '#' : '.'))).ToList();

        Assert.Equal(glyphs.Count, glyphs.Distinct().Count());
    }

    [Fact]
    public void IsSet_LowerCase_DrawsAsUpperCase()
    {
        Assert.Equal(Bitmap('R'), Bitmap('r'));
    }

    [Fact]
    public void IsSet_UnknownCharacter_DrawsAsQuestionMark()
    {
        Assert.Equal(Bitmap('?'), Bitmap('ä'));
        Assert.Equal(Bitmap('?'), Bitmap('/'));
    }

    [Fact]
    public void IsSet_LetterL_IsVerticalBarWithFoot()
    {
        // Hand check of one glyph's orientation: column 0 fully set, bottom row fully set, nothing else.
        for (int row = 0; row < TinyFont.GlyphHeightPx; row++)
        {
            for (int column = 0; column < TinyFont.GlyphWidthPx; column++)
            {
                Assert.Equal(column == 0 || row == TinyFont.GlyphHeightPx - 1, TinyFont.IsSet('L', column, row));
            }
        }
    }

    private static bool[] Bitmap(char c)
    {
        var bits = new bool[TinyFont.GlyphWidthPx * TinyFont.GlyphHeightPx];
        for (int row = 0; row < TinyFont.GlyphHeightPx; row++)
        {
            for (int column = 0; column < TinyFont.GlyphWidthPx; column++)
            {
                bits[(row * TinyFont.GlyphWidthPx) + column] = TinyFont.IsSet(c, column, row);
            }
        }

        return bits;
    }
}
