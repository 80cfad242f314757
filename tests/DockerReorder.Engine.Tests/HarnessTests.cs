using System.Formats.Tar;
using DockerReorder.Engine.Tests.Harness;

namespace DockerReorder.Engine.Tests;

/// <summary>The harness's readers and diff, checked without an engine (these always run).</summary>
public sealed class HarnessTests
{
    private const string PlainLog = """
        #1 [internal] load build definition from Dockerfile
        #1 DONE 0.0s

        #4 [1/5] FROM docker.io/library/python:3.10-alpine
        #4 DONE 0.0s

        #5 [2/5] WORKDIR /app
        #5 CACHED

        #6 [3/5] COPY . ./
        #6 DONE 0.0s

        #7 [4/5] RUN apk add gcc   musl-dev
        #7 0.121 (1/1) Installing gcc
        #7 DONE 0.2s

        #8 [builder 2/3] RUN npm ci
        #8 ERROR: executor failed running [/bin/sh -c npm ci]: exit code: 1
        """;

    /// <summary>Steps come from "[k/n]" headers; CACHED and ERROR attach to their vertex; [internal] is not a step.</summary>
    [Fact]
    public void The_plain_log_yields_each_dockerfile_step_with_its_cache_and_error_status()
    {
        var steps = BuildLog.Parse(PlainLog);

        Assert.Equal(5, steps.Count);
        var workdir = Assert.Single(steps, s => s.Text == "WORKDIR /app");
        Assert.True(workdir.Cached);
        Assert.False(Assert.Single(steps, s => s.Text == "COPY . ./").Cached);
        var npm = Assert.Single(steps, s => s.Stage == "builder");
        Assert.True(npm.Failed);
        Assert.Equal(2, npm.Index);
    }

    /// <summary>From ten steps on, BuildKit pads the index ("[ 4/14]", "[builder  4/14]"): those steps are read too.</summary>
    [Fact]
    public void Padded_step_indices_of_long_stages_are_read()
    {
        const string log = """
            #5 [ 4/14] RUN npm ci --omit=dev
            #5 CACHED

            #6 [builder  9/14] COPY lib lib
            #6 DONE 0.0s

            #7 [10/14] COPY types types
            #7 DONE 0.0s
            """;

        var steps = BuildLog.Parse(log);

        Assert.Equal(3, steps.Count);
        var npm = Assert.Single(steps, s => s.Text == "RUN npm ci --omit=dev");
        Assert.True(npm.Cached);
        Assert.Equal(4, npm.Index);
        var lib = Assert.Single(steps, s => s.Stage == "builder");
        Assert.Equal((9, "COPY lib lib"), (lib.Index, lib.Text));
        Assert.Equal(10, Assert.Single(steps, s => s.Text == "COPY types types").Index);
    }

    /// <summary>Continuations are joined, comments skipped, stages counted, and log steps find their lines.</summary>
    [Fact]
    public void Log_steps_map_back_to_the_dockerfile_lines_they_came_from()
    {
        const string dockerfile = "FROM python:3.10-alpine\nWORKDIR /app\n# the broad copy\nCOPY . ./\nRUN apk add gcc \\\n    musl-dev\nCMD [\"x\"]\n";

        var mapped = MappedStep.Map(BuildLog.Parse(PlainLog).Where(s => s.Stage.Length == 0).ToList(), dockerfile);

        Assert.Equal(
            ["line 2: WORKDIR /app CACHED", "line 4: COPY . ./ rebuilt", "line 5: RUN apk add gcc   musl-dev rebuilt"],
            mapped.Select(m => m.ToString()));
    }

    /// <summary>Named and numbered stages resolve to the right FROM.</summary>
    [Fact]
    public void Instructions_know_their_stage_index_and_name()
    {
        var instructions = DockerfileInstruction.Read("FROM a AS build\nRUN x\n\nfrom b\nrun y\n");

        Assert.Equal([(0, "build"), (0, "build"), (1, ""), (1, "")], instructions.Select(i => (i.Stage, i.StageName)));
        Assert.Equal([1, 2, 4, 5], instructions.Select(i => i.Line));
    }

    /// <summary>A tar stream becomes sorted entries with mode, owner, size, hash and link target.</summary>
    [Fact]
    public void A_tar_stream_is_read_into_sorted_entries_with_content_hashes()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "app/") { Mode = Octal("755") });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "app/b.txt")
            {
                Mode = Octal("644"), Uid = 1000, Gid = 1000, DataStream = new MemoryStream("hi"u8.ToArray()),
            });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "app/a") { LinkName = "b.txt", Mode = Octal("777") });
        }

        tar.Position = 0;
        var entries = FileEntry.ReadTar(tar);

        Assert.Equal(["app", "app/a", "app/b.txt"], entries.Select(e => e.Path));
        Assert.Equal("b.txt", entries[1].LinkTarget);
        var file = entries[2];
        Assert.Equal(('f', "0644", 1000, 1000, 2L), (file.Type, file.Mode, file.Uid, file.Gid, file.Size));
        Assert.Equal("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4", file.Sha256);
    }

    /// <summary>The diff names added, removed and changed paths and config fields; equal snapshots give nothing.</summary>
    [Fact]
    public void The_snapshot_diff_lists_each_difference_on_its_own_line()
    {
        var config = ImageConfig.FromInspect("""[{"Config":{"Env":["PATH=/bin"],"WorkingDir":"/app","Labels":{"b":"2","a":"1"},"Cmd":null}}]""");
        var other = ImageConfig.FromInspect("""[{"Config":{"Env":["PATH=/bin","X=1"],"WorkingDir":"/app","Labels":{"a":"1","b":"2"}}}]""");
        var same = new FileEntry("app/x", 'f', "0644", 0, 0, 1, "aaaaaaaaaaaaaaaa", string.Empty);
        var changed = same with { Mode = "0755" };
        var left = new ImageSnapshot([same, new FileEntry("gone", 'd', "0755", 0, 0, 0, string.Empty, string.Empty)], config);
        var right = new ImageSnapshot([changed, new FileEntry("new", 'l', "0777", 0, 0, 0, string.Empty, "x")], other);

        Assert.Equal(string.Empty, SnapshotDiff.Describe(left, left));
        Assert.Equal(
            "config Env: [\"PATH=/bin\"] => [\"PATH=/bin\", \"X=1\"]\n"
            + "~ /app/x: f 0644 0:0 1 aaaaaaaaaaaa => f 0755 0:0 1 aaaaaaaaaaaa\n"
            + "- /gone (d 0755 0:0)\n"
            + "+ /new (l 0777 0:0 -> x)\n",
            SnapshotDiff.Describe(left, right));
    }

    /// <summary>Every case folder is well-formed: a before file, a context, a touched file that exists, installs.</summary>
    [Fact]
    public void Every_engine_case_is_complete()
    {
        var cases = EngineCase.All();
        Assert.NotEmpty(cases);
        foreach (var engineCase in cases)
        {
            Assert.True(File.Exists(Path.Combine(engineCase.Context, engineCase.TouchedSource)), $"{engineCase.Name}: touch file missing");
            Assert.NotEmpty(engineCase.Installs);
            Assert.True(engineCase.AfterText is not null || engineCase.NaiveText is not null, $"{engineCase.Name}: neither after nor naive");
            Assert.Equal(engineCase.NaiveText is not null, engineCase.NaiveOutcome is not null);
            foreach (var install in engineCase.Installs)
            {
                Assert.Contains(DockerfileInstruction.Read(engineCase.BeforeText), i => i.Text == install);
            }
        }
    }

    /// <summary>The --explain check disagrees when the engine's cache lines differ from the prediction, and only then.</summary>
    [Fact]
    public void The_explain_check_reports_a_step_the_engine_cached_against_the_prediction()
    {
        var engineCase = EngineCase.Named("seed-python-pip");
        var instructions = DockerfileInstruction.Read(engineCase.BeforeText).Where(i => i.Keyword is "RUN" or "COPY" or "WORKDIR").ToList();
        CacheProbeResult Probe(Func<DockerfileInstruction, bool> cached) => new(
            instructions.Select((i, n) => new MappedStep(new BuildStep(n + 2, string.Empty, n + 2, i.Text, cached(i), false), i)).ToList(),
            string.Empty);

        // The original: WORKDIR is reused, the broad COPY and everything after it reruns.
        var truthful = Probe(i => i.Keyword == "WORKDIR");
        Assert.Empty(ExplainCheck.Mismatches("before", engineCase.BeforeText, engineCase.Context, truthful));
        var allCached = Probe(_ => true);
        var mismatches = ExplainCheck.Mismatches("before", engineCase.BeforeText, engineCase.Context, allCached);
        Assert.Equal(3, mismatches.Count);
        Assert.Contains(mismatches, m => m.Contains("line 3 `COPY . ./`: --explain predicts rerun, the engine took it from the cache", StringComparison.Ordinal));
    }

    private static UnixFileMode Octal(string digits) => (UnixFileMode)Convert.ToInt32(digits, 8);
}
