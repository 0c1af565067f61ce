using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Huodong.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the email tests: Debian's python3-aiosmtpd (<c>/usr/bin/python3 -m aiosmtpd</c>) with its
/// Mailbox handler, which writes every message it accepts into a Maildir. Started and stopped by the test, so it can
/// also play an outage. Absent → the tests skip with the reason, or fail under HUODONG_REQUIRE_INFRA=1.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public int Port { get; } = FreePort();
    public string MailDir { get; } = NewMaildir();

    /// <summary>Why aiosmtpd cannot run here, or null when it can.</summary>
    public static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} is missing";
        using var p = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
        p.WaitForExit(10_000);
        return p.ExitCode == 0 ? null : "python3-aiosmtpd is not installed (apt-get install -y python3-aiosmtpd)";
    });

    public static void SkipUnlessAvailable()
    {
        if (Unavailable.Value is not { } why) return;
        if (PostgresServer.InfrastructureRequired) throw new InvalidOperationException($"HUODONG_REQUIRE_INFRA=1 but {why}");
        Assert.Skip($"No SMTP test server: {why}");
    }

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        _process = Process.Start(new ProcessStartInfo(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDir])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new InvalidOperationException($"aiosmtpd did not listen on {Port}: {await _process.StandardError.ReadToEndAsync()}");
    }

    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(5000); }
        _process.Dispose();
        _process = null;
    }

    /// <summary>The raw messages received so far.</summary>
    public List<string> Messages()
    {
        var dir = Path.Combine(MailDir, "new");
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Select(File.ReadAllText).ToList() : [];
    }

    /// <summary>A Maildir with its three folders: the handler only creates them when the folder itself is new.</summary>
    private static string NewMaildir()
    {
        var dir = Directory.CreateTempSubdirectory("huodong-mail.").FullName;
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        return dir;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(MailDir, true); } catch (IOException) { }
    }
}
