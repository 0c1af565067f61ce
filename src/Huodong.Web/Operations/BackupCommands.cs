namespace Huodong.Web.Operations;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--replace]</c>, run instead of the web server. A backup is safe
/// while instances of the app run; a restore is meant for a stopped or fresh instance (it refuses a database that holds
/// data unless told to replace it). Both print what they did; a restore whose checks fail exits with code 1.
/// </summary>
public static class BackupCommands
{
    public static async Task<bool> TryRunAsync(IServiceProvider services, string[] args)
    {
        var backup = Array.IndexOf(args, "backup");
        var restore = Array.IndexOf(args, "restore");
        if (backup < 0 && restore < 0) return false;
        var at = Math.Max(backup, restore);
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine($"Usage: {args[at]} <file>{(restore >= 0 ? " [--replace]" : "")}");
            Environment.ExitCode = 2;
            return true;
        }
        var file = args[at + 1];
        var job = services.GetRequiredService<DatabaseBackup>();
        try
        {
            if (backup >= 0)
            {
                var m = await job.BackupAsync(file);
                Console.WriteLine($"Backed up {m.Rows.Values.Sum()} rows in {m.Rows.Count} tables ({m.AuditEntries} audit entries) to {Path.GetFullPath(file)}.");
                Console.WriteLine($"The data is sealed with keys {string.Join(", ", m.KeyIds)}: keep the key file with the backup, apart from it.");
                return true;
            }
            var report = await job.RestoreAsync(file, args.Contains("--replace"));
            Console.WriteLine($"Restored {Path.GetFullPath(file)}; audit chain: {report.Chain.Entries} entries, {(report.Chain.Ok ? "unbroken" : "BROKEN")}.");
            foreach (var problem in report.Problems) Console.Error.WriteLine(problem);
            Console.WriteLine(report.Ok ? "Every table has the rows the backup had." : "The restore does not match its backup (see above).");
            if (!report.Ok) Environment.ExitCode = 1;
        }
        catch (BackupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }

    public static void AddOperations(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<DatabaseBackup>();
}
