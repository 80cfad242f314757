using DockerReorder.Syntax.Tests.Support;

namespace DockerReorder.Syntax.Tests;

/// <summary>Seeded random mutations of real Dockerfiles: every mutant parses without throwing and prints back byte for byte.</summary>
public class MutationRoundTripTests
{
    private const int Rounds = 4000;

    private static readonly byte[][] Fragments =
    [
        "\\"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(),
        "<<"u8.ToArray(), "<<-EOF\n"u8.ToArray(), "\nEOF\n"u8.ToArray(), "`"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0],
        "# escape=`\n"u8.ToArray(), "[\""u8.ToArray(), "\"]"u8.ToArray(), "--"u8.ToArray(), "#"u8.ToArray(), " \\\n"u8.ToArray(),
        [0xC3], [0xFF, 0xFE], "\t"u8.ToArray(), "ONBUILD "u8.ToArray(), "${"u8.ToArray(), "="u8.ToArray(),
    ];

    /// <summary>Thousands of mutants, seeded so a failure reproduces.</summary>
    [Fact]
    public void Mutated_files_round_trip_and_never_throw()
    {
        var seeds = LoadSeeds();
        var random = new Random(20261122);
        int mutants = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            DockerfileSyntax tree;
            try
            {
                tree = DockerfileParser.Parse(input);
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: parse threw {e.GetType().Name}: {e.Message}\ninput (base64): {Convert.ToBase64String(input)}");
                return;
            }
            try
            {
                TreeInvariants.AssertLossless(input, tree);
                _ = BuildKitDump.Dump(tree);
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.Message}\ninput (base64): {Convert.ToBase64String(input)}");
            }
            mutants++;
        }
        Assert.Equal(Rounds, mutants);
    }

    private static List<byte[]> LoadSeeds()
    {
        var seeds = new List<byte[]>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "conformance", "buildkit-parser"), "Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            seeds.Add(File.ReadAllBytes(f));
        var corpus = Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus"), "*Dockerfile*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var f in corpus)
        {
            var bytes = File.ReadAllBytes(f);
            if (bytes.Length < 4000 && seeds.Count < 80) seeds.Add(bytes);
        }
        seeds.Add([]);
        return seeds;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        int edits = 1 + random.Next(6);
        for (int e = 0; e < edits; e++)
        {
            int at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(6))
            {
                case 0: data.InsertRange(at, Fragments[random.Next(Fragments.Length)]); break;
                case 1: if (data.Count > 0 && at < data.Count) data.RemoveRange(at, Math.Min(1 + random.Next(8), data.Count - at)); break;
                case 2:
                    if (data.Count > 0 && at < data.Count)
                    {
                        int len = Math.Min(1 + random.Next(40), data.Count - at);
                        data.InsertRange(at, data.GetRange(at, len));
                    }
                    break;
                case 3: data.Insert(at, (byte)random.Next(256)); break;
                case 4: data.RemoveRange(at, data.Count - at); break; // truncation
                default: data.InsertRange(at, Fragments[random.Next(3)]); break;
            }
        }
        return data.ToArray();
    }
}
