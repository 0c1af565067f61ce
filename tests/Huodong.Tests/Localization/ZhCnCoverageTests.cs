using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Tests.Localization;

/// <summary>
/// zh-CN is the default language, so every English source text the product shows must have a Chinese entry:
/// the texts pages and code look up literally (<c>L["…"]</c>) or give as field messages, every expected error's message and field messages,
/// and the plan rules' messages. A missing entry would show English to a Chinese team.
/// </summary>
public sealed partial class ZhCnCoverageTests
{
    private static readonly string Src = Path.Combine(RepoRoot(), "src", "Huodong.Web");

    private static readonly Lazy<HashSet<string>> Translated = new(() =>
        XDocument.Load(Path.Combine(Src, "Resources", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet());

    [Fact]
    public void Every_text_looked_up_in_pages_and_code_has_a_Chinese_entry()
    {
        var keys = Directory.EnumerateFiles(Src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LookupPattern().Matches(File.ReadAllText(f)).Concat(FieldMessagePattern().Matches(File.ReadAllText(f)))
                .Concat(FieldCallPattern().Matches(File.ReadAllText(f)))
                .Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet();
        Assert.NotEmpty(keys);
        AssertTranslated(keys);
    }

    [Fact]
    public void Every_expected_error_and_plan_rule_message_has_a_Chinese_entry()
    {
        var errors = typeof(Error).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Error))
            .Select(f => (Error)f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(errors);
        var keys = errors.SelectMany(e => (e.Fields?.Values.SelectMany(v => v) ?? []).Append(e.MessageKey)).ToHashSet();
        keys.UnionWith(typeof(PlanRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!));
        AssertTranslated(keys);
    }

    [Fact]
    public void No_two_entries_differ_only_in_letter_case()
    {
        // The resource compiler treats names case-insensitively and silently drops the second entry.
        var clashes = Translated.Value.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Entries differing only in case:\n" + string.Join("\n", clashes));
    }

    private static void AssertTranslated(IEnumerable<string> keys)
    {
        var missing = keys.Where(k => !Translated.Value.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "No zh-CN entry for:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LookupPattern();

    /// <summary>Field messages written inline: <c>errors["field"] = ["Message."]</c>.</summary>
    [GeneratedRegex("""=\s*\[\s*"((?:[^"\\]|\\.)+)"\s*\]""")]
    private static partial Regex FieldMessagePattern();

    /// <summary>Field messages given to a helper: <c>Field("field", "Message.")</c>.</summary>
    [GeneratedRegex("""\(\s*"[\w.\[\]]+"\s*,\s*"([A-Z][^"]*[.?!])"\s*\)""")]
    private static partial Regex FieldCallPattern();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Huodong.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Huodong.slnx not found above the test binaries.");
    }
}
