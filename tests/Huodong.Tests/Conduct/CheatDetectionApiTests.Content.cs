using System.Net;
using System.Net.Http.Headers;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Conduct;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Rewards;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Conduct;

public abstract partial class CheatDetectionApiTests
{
    [Fact]
    public async Task A_copied_submission_opens_a_plagiarism_case_at_once_with_the_passages_side_by_side()
    {
        var id = await LiveActivity(ParticipationPlans.OpenNow(), "member150", "member151", "member152");
        var original = await Submit("member150", id, Essay);
        // Copied with a few words changed and a sentence added: still a near-duplicate.
        var copy = await Submit("member151", id, Essay.Replace("去年秋天", "前年冬天").Replace("两本书", "三本书") + "推荐大家都来参加！");
        await Submit("member152", id, Clinic);

        var @case = Assert.Single(await Cases(id), c => c.Rule == "plagiarism");
        Assert.Equal((CaseSubject.Submission, copy, original), (@case.Subject, @case.SubjectId, @case.MatchedId));
        Assert.Equal(await App.UserIdAsync("member151"), @case.MemberId);
        Assert.InRange(@case.Similarity!.Value, 0.5, 1.0);
        Assert.Equal(CaseStatus.Open, @case.Status);
        var submissions = await App.WithDb(db => db.Submissions.AsNoTracking().Where(s => s.ActivityId == id).ToListAsync(Ct));
        Assert.All(submissions, s => Assert.Equal(SubmissionStatus.Accepted, s.Status)); // nothing punished

        var html = await Html("/console/moderation");
        var side = html[html.IndexOf($"id=\"case-{@case.Id}-passages\"", StringComparison.Ordinal)..];
        Assert.Contains("<mark>", side);
        Assert.Contains(">前年冬<mark>", side); // the copy's own words unmarked … // the copy, with its own words unmarked …
        Assert.Contains("<mark>天我第一次参加社区的读书会", side); // … and the shared passage marked
        Assert.Contains("</mark>三<mark>", side);
        Assert.Contains("</mark>两<mark>", side); // the earlier one, beside it
        Assert.Contains("相似度", html);
    }

    [Fact]
    public async Task A_submission_copied_from_an_earlier_activity_is_found_and_different_essays_are_not()
    {
        var earlier = await LiveActivity(ParticipationPlans.OpenNow(), "member153");
        var original = await Submit("member153", earlier, OtherEssay + "这是我在上一期活动里写下的感想。");
        var later = await LiveActivity(ParticipationPlans.OpenNow(), "member154", "member155");
        var copy = await Submit("member154", later, OtherEssay + "这是我在这一期活动里写下的感想。");
        await Submit("member155", later, "楼下的空地改成了社区花园，每户认领一小块地，种番茄、辣椒和薄荷。周末大家一起浇水除草，孩子们第一次知道土豆是长在地下的。");

        var @case = Assert.Single(await Cases(later), c => c.Rule == "plagiarism");
        Assert.Equal((copy, original), (@case.SubjectId, @case.MatchedId));
        Assert.Contains(OtherEssay[..20], @case.Evidence);
    }

    [Fact]
    public async Task The_scan_finds_shared_emails_contacts_that_contradict_the_profile_or_history_and_another_members_email()
    {
        var first = await OpenActivity();
        await (await Register("member160", first, ContactOf(160, name: "张三"))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member161", first, ContactOf(161, name: "赵六"))).ShouldBe(HttpStatusCode.Created);
        await SetVerifiedPhoneAsync("member162", "13700000162");

        var id = await OpenActivity();
        await (await Register("member160", id, ContactOf(160, name: "王五"))).ShouldBe(HttpStatusCode.Created);   // another name than before
        await (await Register("member161", id, ContactOf(161, name: "赵六"))).ShouldBe(HttpStatusCode.Created);   // the same name: fine
        await (await Register("member162", id, ContactOf(999))).ShouldBe(HttpStatusCode.Created);                   // not the verified phone
        await (await Register("member163", id, ContactOf(163, email: $"member170@{TestApp.Domain}"))).ShouldBe(HttpStatusCode.Created); // someone else's
        await (await Register("member164", id, ContactOf(164, email: "shared@example.com"))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member165", id, ContactOf(165, email: "Shared@Example.com"))).ShouldBe(HttpStatusCode.Created); // same email
        await (await Register("member166", id, ContactOf(166, email: $"member166@{TestApp.Domain}"))).ShouldBe(HttpStatusCode.Created); // their own

        var outcome = await Scan(id);
        var cases = await Cases(id);
        async Task<string?> RuleOf(string m) { var member = await App.UserIdAsync(m); return cases.SingleOrDefault(c => c.MemberId == member)?.Rule; }

        Assert.Equal("name-changed", await RuleOf("member160"));
        Assert.Null(await RuleOf("member161"));
        Assert.Equal("verified-contact", await RuleOf("member162"));
        Assert.Equal("other-member-contact", await RuleOf("member163"));
        Assert.Equal("duplicate-account", await RuleOf("member164"));
        Assert.Equal("duplicate-account", await RuleOf("member165"));
        Assert.Null(await RuleOf("member166"));
        Assert.Equal((5, 2, 3), (outcome.Opened, outcome.DuplicateAccounts, outcome.Impersonation));
        var evidence = string.Join(" ", cases.Select(c => c.Evidence));
        Assert.DoesNotContain("13700000162", evidence); // masked, as staff see contact details elsewhere
        Assert.DoesNotContain("shared@example.com", evidence, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await Scan(id)).Opened);
    }

    [Fact]
    public async Task A_member_disqualified_by_a_moderation_decision_is_not_among_the_draws_entrants()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow() with
        {
            Rewards = [new RewardSetting("幸运奖", RewardKind.Physical, 1, 99m, RewardRule.Draw)],
            Budget = [new BudgetLine(BudgetCategory.Rewards, 99m, "幸运奖 1 × 99")],
        });
        foreach (var n in new[] { 180, 181, 182 }) await (await Register($"member{n}", id, ContactOf(n))).ShouldBe(HttpStatusCode.Created);
        await (await Register("member183", id, ContactOf(180))).ShouldBe(HttpStatusCode.Created); // member180's phone
        await App.LaunchAsync(id);
        await Scan(id);
        var cheater = await App.UserIdAsync("member183");
        var @case = (await Cases(id)).Single(c => c.MemberId == cheater && c.Rule == "duplicate-account");
        var code = (await RegistrationsOf(id)).Single(r => r.MemberId == cheater).Code;

        await (await (await App.As("moderator")).PostJson($"/api/moderation/cases/{@case.Id}/decision", new { decision = "disqualify", note = "重复账号" }))
            .ShouldBe(HttpStatusCode.OK);
        await App.EndAsync(id);
        var draw = await (await (await App.As("planner")).PostJson($"/api/activities/{id}/draws",
            new { winnersCount = 1, publicEntropy = "", rewardName = "幸运奖" })).Expect<DrawView>(HttpStatusCode.Created);

        Assert.Equal(3, draw.Entrants.Count);
        Assert.DoesNotContain(code, draw.Entrants);
        Assert.Equal(RegistrationStatus.Disqualified, (await RegistrationsOf(id)).Single(r => r.MemberId == cheater).Status);
    }
}
