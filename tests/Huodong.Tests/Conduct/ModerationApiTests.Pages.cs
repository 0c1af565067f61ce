using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Conduct;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Conduct;

public abstract partial class ModerationApiTests
{
    [Fact]
    public async Task The_queue_page_shows_the_evidence_and_a_labelled_decision_form_with_the_suggestion()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member138", id, "页面上要看到的证据");
        var caseId = (await (await Report("member150", "comment", comment)).Read<ReportOutcome>()).CaseId;

        var html = await Html("moderator", "/console/moderation");

        Assert.Contains("<main", html);
        Assert.Contains("页面上要看到的证据", html);
        Assert.Contains($"<label for=\"decision-{caseId}\">处理决定</label>", html);
        Assert.Contains("建议处理", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task The_portal_offers_members_a_labelled_report_form_on_others_comments_only()
    {
        var id = await OpenActivity();
        var comment = await PostComment("member142", id, "可以被举报的评论");

        var other = await Html("member143", $"/activities/{id}");
        var author = await Html("member142", $"/activities/{id}");

        Assert.Contains($"<label for=\"report-{comment}\">这条评论有什么问题？</label>", other);
        Assert.DoesNotContain($"report-{comment}", author);
    }

    [Fact]
    public async Task The_demo_seed_leaves_a_reported_comment_in_the_queue()
    {
        var queue = (await (await (await App.As("moderator")).GetAsync("/api/moderation/cases?pageSize=200", Ct))
            .Expect<Page<CaseView>>(HttpStatusCode.OK)).Items;

        Assert.Contains(queue, c => c.Source == CaseSource.Report && c.Reporters == 2 && c.Reports.Any(r => r.Reason == "语气不友善"));
    }

    [Fact]
    public async Task The_lexicon_page_lists_the_starter_terms_for_moderators()
    {
        var html = await Html("moderator", "/console/moderation/terms");

        Assert.Contains("赌博", html);
        Assert.Contains("<label for=\"term\">词条</label>", html);
    }

    [Fact]
    public async Task The_members_page_shows_a_decision_about_them_with_an_appeal_form()
    {
        var id = await OpenActivity();
        var caseId = await ReportedCase("member139", id);
        await (await Decide(caseId, new { decision = "warn", note = "请文明发言" })).ShouldBe(HttpStatusCode.OK);

        var html = await Html("member139", "/me/conduct");

        Assert.Contains("请文明发言", html);
        Assert.Contains($"<label for=\"reason-{caseId}\">申诉理由</label>", html);
    }
}
