using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Tests.Files;

/// <summary>What the reader refuses: binary files and invalid UTF-8, with the position of the first bad byte.</summary>
public sealed class DockerfileReaderTests
{
    /// <summary>A NUL byte makes a file binary.</summary>
    [Fact]
    public void Nul_byte_is_a_binary_file()
    {
        var e = Assert.Throws<FileProblem>(() => DockerfileReader.Check("FROM a\nRUN \0x\n"u8, "Dockerfile"));
        Assert.Equal("Dockerfile:2:5: binary file (NUL byte), skipped", e.Message);
    }

    /// <summary>Invalid UTF-8 is reported at its line and (character) column.</summary>
    [Fact]
    public void Invalid_utf8_reports_line_and_column()
    {
        byte[] bytes = [.. "FROM a\nLABEL x=\"é"u8, 0xFF, .. "\"\n"u8];
        var e = Assert.Throws<FileProblem>(() => DockerfileReader.Check(bytes, "Dockerfile"));
        Assert.Equal("Dockerfile:2:11: invalid UTF-8", e.Message);
    }

    /// <summary>A truncated sequence at the end is invalid too.</summary>
    [Fact]
    public void Truncated_sequence_at_end_is_invalid() =>
        Assert.Equal(7, DockerfileReader.FirstInvalidUtf8([.. "FROM a\n"u8, 0xE2, 0x9C]));

    /// <summary>BOM, CRLF and non-ASCII text pass.</summary>
    [Fact]
    public void Valid_text_passes()
    {
        DockerfileReader.Check([0xEF, 0xBB, 0xBF, .. "FROM a\r\nLABEL x=\"✓\"\r\n"u8], "Dockerfile");
        Assert.Equal(-1, DockerfileReader.FirstInvalidUtf8("FROM a"u8));
    }

    /// <summary>A missing file is a one-line problem.</summary>
    [Fact]
    public void Missing_file_is_a_problem()
    {
        var e = Assert.Throws<FileProblem>(() => DockerfileReader.Read("/nonexistent/dr/Dockerfile", "x/Dockerfile"));
        Assert.Equal("x/Dockerfile: no such file or directory", e.Message);
    }
    /// <summary>Bytes and modification time are those of the file a path finally names, as reading the resolved target gives them.</summary>
    [Fact]
    public void Reads_bytes_and_time_of_the_final_target()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM a\nRUN b\n");
        t.Write("empty/Dockerfile", "");
        File.SetLastWriteTimeUtc(Path.Combine(t.Path, "Dockerfile"), new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        File.CreateSymbolicLink(Path.Combine(t.Path, "link"), Path.Combine(t.Path, "Dockerfile"));
        File.CreateSymbolicLink(Path.Combine(t.Path, "link2"), Path.Combine(t.Path, "link"));
        foreach (var name in new[] { "Dockerfile", "link", "link2", "empty/Dockerfile" })
        {
            var full = Path.Combine(t.Path, name);
            var content = DockerfileReader.Read(full, name);
            Assert.Equal(File.ReadAllBytes(full), content.Bytes);
            Assert.Equal(File.GetLastWriteTimeUtc(SymbolicLinks.ResolveFile(full)), content.LastWriteTimeUtc);
        }
    }

    /// <summary>Files around the 8 KiB first buffer and the 64 KiB limit (the short path reads below it, the general path from it on) read whole.</summary>
    [Fact]
    public void Files_around_the_small_file_limit_read_whole()
    {
        using var t = new TempFolder();
        foreach (var size in new[] { 1, 8_191, 8_192, 8_193, 20_000, 65_535, 65_536, 65_537, 200_000 })
        {
            var bytes = new byte[size];
            for (int i = 0; i < size; i++) bytes[i] = (byte)(i % 64 == 63 ? '\n' : 'a' + i % 26);
            var full = t.WriteBytes($"d{size}/Dockerfile", bytes);
            Assert.Equal(bytes, DockerfileReader.Read(full, "Dockerfile").Bytes);
        }
    }

    /// <summary>A folder named as the file is refused as before (the general path's answer).</summary>
    [Fact]
    public void A_folder_is_refused_as_before()
    {
        using var t = new TempFolder();
        Directory.CreateDirectory(Path.Combine(t.Path, "Dockerfile"));
        var e = Assert.Throws<FileProblem>(() => DockerfileReader.Read(Path.Combine(t.Path, "Dockerfile"), "Dockerfile"));
        Assert.Equal("Dockerfile: permission denied", e.Message);
    }
}
