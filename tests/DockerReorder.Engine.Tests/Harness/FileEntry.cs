using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>One path of an image's file tree, with everything "the same image" compares.</summary>
/// <param name="Path">The path without a leading <c>./</c> or <c>/</c>, directories without a trailing slash.</param>
/// <param name="Type">f (file), d (directory), l (symlink), h (hard link), c/b (devices), p (fifo).</param>
/// <param name="Mode">Permission bits including setuid/setgid/sticky, in octal.</param>
/// <param name="Uid">Owner user id.</param>
/// <param name="Gid">Owner group id.</param>
/// <param name="Size">Content length for files, 0 otherwise.</param>
/// <param name="Sha256">Content hash for files, empty otherwise.</param>
/// <param name="LinkTarget">Target of a symlink or hard link, empty otherwise.</param>
public sealed record FileEntry(string Path, char Type, string Mode, int Uid, int Gid, long Size, string Sha256, string LinkTarget)
{
    /// <summary>Reads a tar stream (the output of <c>docker export</c>) into entries sorted by path.</summary>
    public static IReadOnlyList<FileEntry> ReadTar(Stream tar)
    {
        var entries = new List<FileEntry>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            var path = entry.Name.TrimStart('.').Trim('/');
            if (path.Length == 0)
            {
                continue;
            }

            var type = entry.EntryType switch
            {
                TarEntryType.Directory => 'd',
                TarEntryType.SymbolicLink => 'l',
                TarEntryType.HardLink => 'h',
                TarEntryType.CharacterDevice => 'c',
                TarEntryType.BlockDevice => 'b',
                TarEntryType.Fifo => 'p',
                _ => 'f',
            };
            var hash = string.Empty;
            long size = 0;
            if (type == 'f' && entry.DataStream is { } data)
            {
                using var sha = SHA256.Create();
                hash = Convert.ToHexStringLower(sha.ComputeHash(data));
                size = entry.Length;
            }

            var mode = Convert.ToString((int)entry.Mode, 8).PadLeft(4, '0');
            var link = type is 'l' or 'h' ? entry.LinkName : string.Empty;
            entries.Add(new FileEntry(path, type, mode, entry.Uid, entry.Gid, size, hash, link));
        }

        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>One line: "f 0644 0:0 12 sha256:abcd… path".</summary>
    public string Describe() => Type switch
    {
        'f' => $"f {Mode} {Uid}:{Gid} {Size.ToString(CultureInfo.InvariantCulture)} {Sha256[..12]}",
        'l' or 'h' => $"{Type} {Mode} {Uid}:{Gid} -> {LinkTarget}",
        _ => $"{Type} {Mode} {Uid}:{Gid}",
    };
}
