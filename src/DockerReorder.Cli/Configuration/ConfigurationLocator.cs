using System.Collections.Concurrent;
using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Configuration;

/// <summary>Finds the configuration that applies to a folder: the nearest <c>.docker-reorder.json</c> in it or a parent folder. Thread-safe; each folder is looked up once.</summary>
public sealed class ConfigurationLocator(Func<string, string> displayPath)
{
    private readonly ConcurrentDictionary<string, Lazy<ReorderConfiguration?>> _byDirectory = new(StringComparer.Ordinal);

    /// <summary>The configuration for <paramref name="directory"/>, or null when no folder up to the root has one. Throws <see cref="ConfigurationException"/> for an invalid file.</summary>
    public ReorderConfiguration? For(string directory)
    {
        // A folder already looked up is a key as given (keys are full paths, and a full path is its own full path).
        if (_byDirectory.TryGetValue(directory, out var known)) return known.Value;
        var full = Path.GetFullPath(directory);
        return _byDirectory.GetOrAdd(full, d => new Lazy<ReorderConfiguration?>(() => Load(d))).Value;
    }

    private ReorderConfiguration? Load(string directory)
    {
        var candidate = Path.Combine(directory, ConfigurationFileReader.FileName);
        // Most folders have none: one short system call says so (File.Exists is true for a dangling link, so only "nothing at all" may skip it).
        bool nothingThere = OperatingSystem.IsLinux() && PosixFileCalls.NothingAt(KernelPaths.Shorten(candidate));
        if (!nothingThere && File.Exists(candidate))
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(candidate); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationException($"{displayPath(candidate)}: cannot read: {e.Message}");
            }
            return ConfigurationFileReader.Parse(candidate, bytes, displayPath(candidate));
        }
        var parent = Path.GetDirectoryName(directory);
        return parent is null ? null : For(parent);
    }
}
