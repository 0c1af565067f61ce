using Huodong.Web.Shared;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Huodong.Web.Preparation.Promotion.Outbox;

/// <summary>Email through SMTP with MailKit (<c>Email:Smtp:*</c>): the Markdown as plain text and as HTML.</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options, MarkdownRenderer markdown) : IDeliveryChannel
{
    public bool Handles(PromotionChannel channel) => channel == PromotionChannel.Email;

    public async Task<string?> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(job.Email)) return "The member has no email address.";
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(job.Email));
        message.Subject = job.Title;
        message.Headers.Add("X-Huodong-Delivery", job.Id.ToString());
        message.Body = new BodyBuilder { TextBody = job.Body, HtmlBody = markdown.Render(job.Body).ToString() }.ToMessageBody();

        using var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return null;
    }
}
