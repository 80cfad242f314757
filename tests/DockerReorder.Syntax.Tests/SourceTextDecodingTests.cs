using System.Text;

namespace DockerReorder.Syntax.Tests;

/// <summary>Decoding is lossless: valid UTF-8 decodes as usual, each ill-formed byte becomes U+DC00 + byte.</summary>
public class SourceTextDecodingTests
{
    /// <summary>Random mixes of ASCII, multi-byte, truncated, overlong and surrogate sequences decode as byte-by-byte decoding would.</summary>
    [Fact]
    public void Bulk_decoding_matches_byte_by_byte_decoding()
    {
        byte[][] pieces =
        [
            "a"u8.ToArray(), "\n"u8.ToArray(), "é"u8.ToArray(), "€"u8.ToArray(), "😀"u8.ToArray(),
            [0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        ];
        var random = new Random(7);
        for (int n = 0; n < 5000; n++)
        {
            var bytes = new List<byte>();
            int count = random.Next(0, 16);
            for (int i = 0; i < count; i++) bytes.AddRange(pieces[random.Next(pieces.Length)]);
            byte[] input = [.. bytes];
            var source = SourceText.From(input);
            Assert.Equal(ByteByByte(input), source.Text);
            Assert.Equal(input, source.ToBytes());
        }
    }

    // The reference: one well-formed sequence or one escaped byte at a time.
    private static string ByteByByte(byte[] bytes)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out var rune, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
            }
            else
            {
                sb.Append((char)(0xDC00 + bytes[i]));
                i++;
            }
        }
        return sb.ToString();
    }
}
