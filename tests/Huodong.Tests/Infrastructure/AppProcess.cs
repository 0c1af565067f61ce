using System.Diagnostics;
using System.Text;

namespace Huodong.Tests.Infrastructure;

/// <summary>
/// The app as an operator runs it: <c>Huodong.Web.dll</c> (built beside the tests) in a process of its own, on a free
/// loopback port, configured by environment variables. For what one in-process instance cannot show: several instances,
/// a proxy in front, <c>kill -9</c>.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _env;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private AppProcess(string name, int port, Dictionary<string, string> env) => (Name, Port, _env) = (name, port, env);

    public string Name { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>What the process wrote so far (for failure messages).</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<AppProcess> StartAsync(string name, IReadOnlyDictionary<string, string> env, TimeSpan? ready = null)
    {
        var app = new AppProcess(name, PostgresServer.FreePort(), new Dictionary<string, string>(env));
        await app.StartAgainAsync(ready);
        return app;
    }

    /// <summary>Starts the process (again, on the same port) and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAgainAsync(TimeSpan? ready = null)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Huodong.Web.dll"));
        psi.Environment["ASPNETCORE_URLS"] = Url;
        psi.Environment["Logging__Console__FormatterName"] = "simple";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in _env) psi.Environment[k] = v;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (ready ?? TimeSpan.FromMinutes(3));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
            try
            {
                if ((await http.GetAsync($"{Url}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} did not answer /healthz in time:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when the machine dies.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// nginx (Debian's package) in front of the instances: round-robin, and a request an instance failed to answer is
/// passed to the next one (also a POST: the Idempotency-Key makes that safe).
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private Process? _process;
    private string? _dir;

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}";
    public string? Unavailable { get; private set; }

    public static string? Binary => new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxProxy> StartAsync(params AppProcess[] upstreams)
    {
        var proxy = new NginxProxy();
        if (Binary is null) { proxy.Unavailable = "nginx is not installed (apt-get install nginx-light)."; return proxy; }
        proxy._dir = Directory.CreateTempSubdirectory("huodong-nginx.").FullName;
        proxy.Port = PostgresServer.FreePort();
        var d = proxy._dir;
        var servers = string.Join("\n", upstreams.Select(u => $"    server 127.0.0.1:{u.Port} max_fails=1 fail_timeout=3s;"));
        await File.WriteAllTextAsync(Path.Combine(d, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            daemon off;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{d}}/body; proxy_temp_path {{d}}/proxy; fastcgi_temp_path {{d}}/fastcgi;
              uwsgi_temp_path {{d}}/uwsgi; scgi_temp_path {{d}}/scgi;
              client_max_body_size 20m;
              upstream huodong {
            {{servers}}
                keepalive 32;
              }
              server {
                listen 127.0.0.1:{{proxy.Port}};
                location / {
                  proxy_pass http://huodong;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_next_upstream error timeout non_idempotent;
                  proxy_connect_timeout 2s;
                }
              }
            }
            """);
        var psi = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", d, "-c", Path.Combine(d, "nginx.conf"), "-e", Path.Combine(d, "error.log") }) psi.ArgumentList.Add(a);
        proxy._process = Process.Start(psi)!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 80; i++)
        {
            if (proxy._process.HasExited)
            {
                proxy.Unavailable = $"nginx exited: {await proxy._process.StandardError.ReadToEndAsync()} {ReadOrEmpty(Path.Combine(d, "error.log"))}";
                return proxy;
            }
            try { if ((await http.GetAsync($"{proxy.Url}/healthz")).IsSuccessStatusCode) return proxy; }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        proxy.Unavailable = $"nginx did not answer: {ReadOrEmpty(Path.Combine(d, "error.log"))}";
        return proxy;
    }

    private static string ReadOrEmpty(string file) => File.Exists(file) ? File.ReadAllText(file) : "";

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p) { p.Kill(entireProcessTree: true); p.WaitForExit(5_000); }
        _process?.Dispose();
        if (_dir is not null) try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
