using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Huodong.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Security;

/// <summary>
/// What the route-wide sweeps (<see cref="AuthorizationMatrixTests"/>, <see cref="HostileInputTests"/>) share: every
/// /api route from the app's own route table, what its handler binds (JSON body type, query parameters), and one
/// signed-in client per demo account.
/// </summary>
public static class ApiSweep
{
    /// <summary>"METHOD /pattern" for every endpoint under /api, route constraints and trailing slashes dropped.</summary>
    public static SortedSet<string> ApiRoutes(IServiceProvider services) => new(Endpoints(services).Keys, StringComparer.Ordinal);

    /// <summary>Every /api endpoint by "METHOD /pattern".</summary>
    public static IReadOnlyDictionary<string, RouteEndpoint> Endpoints(IServiceProvider services)
    {
        var map = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal)) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods) map.TryAdd($"{method} {pattern}", endpoint);
        }
        return map;
    }

    /// <summary>The type the handler reads from a JSON body (<c>Body&lt;T&gt;</c>'s T, or a [FromBody] parameter), if any.</summary>
    public static Type? BodyType(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method)
            foreach (var p in method.GetParameters())
                if (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition().Name == "Body`1")
                    return p.ParameterType.GetGenericArguments()[0];
        return endpoint.Metadata.OfType<IAcceptsMetadata>()
            .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))?.RequestType;
    }

    /// <summary>The handler's parameters bound from the query string: name and type.</summary>
    public static IReadOnlyList<(string Name, Type Type)> QueryParameters(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method) return [];
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var list = new List<(string, Type)>();
        foreach (var p in method.GetParameters())
        {
            var fromQuery = p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "FromQueryAttribute");
            if (fromQuery is null && (routeNames.Contains(p.Name!) || !IsSimple(p.ParameterType)
                || p.GetCustomAttributes().Any(a => a.GetType().Name is "FromBodyAttribute" or "FromRouteAttribute" or "FromHeaderAttribute" or "FromServicesAttribute" or "FromFormAttribute")))
                continue;
            var name = fromQuery?.GetType().GetProperty("Name")?.GetValue(fromQuery) as string ?? p.Name!;
            list.Add((name, p.ParameterType));
        }
        return list;
    }

    public static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
            || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly);
    }

    /// <summary>One client per account ("" for anonymous; bearer tokens from /api/auth/login, one sign-in each).</summary>
    public static async Task<IReadOnlyDictionary<string, HttpClient>> Clients(TestApp app, IEnumerable<string> accounts, CancellationToken ct)
    {
        var clients = new ConcurrentDictionary<string, HttpClient>();
        await Parallel.ForEachAsync(accounts.Distinct(), ct, async (account, _) =>
            clients[account] = account == "" ? app.Anonymous() : await app.As(account));
        return clients;
    }

    private static string Normalise(string raw)
    {
        var p = Regex.Replace("/" + raw.TrimStart('/'), @"\{(\*?\w+)(:[^}]*)?\}", "{$1}");
        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
