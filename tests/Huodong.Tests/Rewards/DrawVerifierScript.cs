using System.Diagnostics;

namespace Huodong.Tests.Rewards;

/// <summary>Runs scripts/draw_verify.py (python3 is installed in CI; elsewhere the tests skip without it).</summary>
public static class DrawVerifierScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DrawVectors.Verifier);
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            if (Environment.GetEnvironmentVariable("HUODONG_REQUIRE_INFRA") == "1") throw;
            Assert.Skip("python3 is not installed");
            throw; // unreachable
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output + await error);
        }
    }

    /// <summary>Writes <paramref name="json"/> to a temp file, runs the verifier on it and deletes the file.</summary>
    public static async Task<(int ExitCode, string Output)> RunOnAsync(string json, params string[] before)
    {
        var file = Path.Combine(Path.GetTempPath(), $"huodong-draw-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
        try { return await RunAsync([.. before, file]); }
        finally { File.Delete(file); }
    }
}
