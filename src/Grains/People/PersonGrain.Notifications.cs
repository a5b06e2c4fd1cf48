using Haarlem.Initiatives.Grains.Access;
using Haarlem.Initiatives.Grains.Common;
using Haarlem.Initiatives.Grains.Neighbourhoods;
using Haarlem.Initiatives.Grains.Notifications;
using Microsoft.Extensions.Logging;

namespace Haarlem.Initiatives.Grains.People;

/// <summary>
/// Notices by email. Every notice is first stored in the inbox (with the event that caused it,
/// through the initiative's outbox), then mailed: at once, or in a digest. Mail that fails for now
/// is tried again with back-off (a grain timer) and after a restart (a reminder): never lost; a
/// node that dies between sending and recording it can send it once more (at most a duplicate).
/// </summary>
public sealed partial class PersonGrain
{
    public const string RetryReminderName = "mail-retry";
    public const string DigestReminderName = "digest";

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private IGrainTimer? _mailTimer;

    private int _failures;

    // Whether this activation counts itself in hub.mail.waiting.
    private bool _mailWaiting;

    private NotificationSettings Settings => state.State.Settings ?? NotificationSettings.Defaults(state.State.Roles);

    private void MailNoLongerWaiting()
    {
        if (_mailWaiting)
        {
            _mailWaiting = false;
            metrics.MailWaiting(-1);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The reminder takes the retry over; the node no longer holds this mail.
        MailNoLongerWaiting();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task UpdateProfile(string? email, IReadOnlySet<HubRole> roles)
    {
        var changed = !state.State.Roles.SetEquals(roles);
        if (changed && state.State.Roles.Contains(HubRole.Coordinator) != roles.Contains(HubRole.Coordinator))
        {
            await Officials.Coordinators.Get(GrainFactory).Set(this.GetPrimaryKeyString(), roles.Contains(HubRole.Coordinator));
        }

        state.State.Roles = [.. roles];
        if (!string.IsNullOrWhiteSpace(email) && NotificationSettings.IsValidEmail(email.Trim()) && Settings.Email is null)
        {
            state.State.Settings = Settings with { Email = email.Trim() };
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
            await KeepDigestReminder();
        }
    }

    public async Task OfferEmail(string email)
    {
        if (NotificationSettings.IsValidEmail(email.Trim()) && Settings.Email is null)
        {
            state.State.Settings = Settings with { Email = email.Trim() };
            await state.WriteStateAsync();
            await KeepDigestReminder();
        }
    }

    public Task<NotificationSettings> GetSettings(IReadOnlySet<HubRole>? roles) =>
        Task.FromResult(state.State.Settings ?? NotificationSettings.Defaults(roles ?? state.State.Roles));

    public async Task<IReadOnlyList<UserError>> SetSettings(NotificationSettings settings)
    {
        var errors = new List<UserError>();
        var email = string.IsNullOrWhiteSpace(settings.Email) ? null : settings.Email.Trim();
        if (email is not null && !NotificationSettings.IsValidEmail(email))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "email", "The e-mail address must look like name@example.nl, at most 254 characters."));
        }

        if (!HubLanguages.IsSupported(settings.Language))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "language", $"The language must be one of {string.Join(", ", HubLanguages.All)}."));
        }

        if (settings.Channels.Values.Contains(NoticeChannel.Letter) && !HasAddress)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "channels", "A letter needs a postal address: give yours first (or the desk records it)."));
        }

        if (settings.Channels.Values.Contains(NoticeChannel.Phone) && state.State.Profile?.Phone is null)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "channels", "A phone call needs a phone number: give yours first (or the desk records it)."));
        }

        if (settings.DigestHour is < 0 or > 23)
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "digestHour", "The digest hour must be from 0 to 23."));
        }

        if (settings.Channels.Values.Any(c => !Enum.IsDefined(c)) || settings.Channels.Keys.Any(k => !Enum.IsDefined(k)) || !Enum.IsDefined(settings.DigestDay))
        {
            errors.Add(new UserError(UserErrorCodes.Invalid, "channels", "Each kind of notice needs one of the listed channels."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var previous = state.State.Settings;
        var now = time.GetUtcNow();
        foreach (var channel in new[] { NoticeChannel.DailyDigest, NoticeChannel.WeeklyDigest })
        {
            // A digest newly chosen starts from now: earlier notices were already handled another way.
            if (!(previous?.Channels.Values.Contains(channel) ?? false) && settings.Channels.Values.Contains(channel))
            {
                state.State.DigestedThrough[channel] = _last;
                state.State.LastDigest[channel] = now;
            }
        }

        // A new address gets a new chance.
        state.State.Settings = settings with { Email = email, EmailProblem = email == previous?.Email ? previous?.EmailProblem : null };
        await state.WriteStateAsync();
        await KeepDigestReminder();
        return [];
    }

    public async Task Unsubscribe(NoticeKind kind)
    {
        var settings = Settings;
        if (settings.ChannelFor(kind) == NoticeChannel.Site)
        {
            return;
        }

        var channels = settings.Channels.ToDictionary(c => c.Key, c => c.Value);
        channels[kind] = NoticeChannel.Site;
        state.State.Settings = settings with { Channels = channels };
        await state.WriteStateAsync();
        await KeepDigestReminder();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case RetryReminderName:
                await SendPendingMail();
                break;
            case DigestReminderName:
                await RunDigest(time.GetUtcNow());
                break;
        }
    }

    /// <summary>After a delivery: mail it soon, outside the caller's turn, and make sure a restart does not forget it.</summary>
    private async Task ScheduleMail()
    {
        if (Settings.Email is null || Settings.EmailProblem is not null || !await HasPendingMail())
        {
            state.State.MailedThrough = _last;
            return;
        }

        if (!state.State.RetryReminder)
        {
            await this.RegisterOrUpdateReminder(RetryReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            state.State.RetryReminder = true;
            await state.WriteStateAsync();
        }

        _mailTimer ??= this.RegisterGrainTimer(MailTimerTick, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private Task MailTimerTick(CancellationToken cancellationToken)
    {
        _mailTimer?.Dispose();
        _mailTimer = null;
        return SendPendingMail();
    }

    private async Task<bool> HasPendingMail() =>
        (await ItemsAfter(state.State.MailedThrough, InboxSize)).Any(i => Settings.ChannelFor(i.Notice) == NoticeChannel.EmailNow);

    public async Task SendPendingMail()
    {
        var settings = Settings;
        var userId = this.GetPrimaryKeyString();
        var progressed = false;
        try
        {
            foreach (var item in await ItemsAfter(state.State.MailedThrough, InboxSize))
            {
                if (settings.Email is { } email && settings.EmailProblem is null && settings.ChannelFor(item.Notice) == NoticeChannel.EmailNow)
                {
                    var notice = new Notice(item.Notice, item.Kind, item.InitiativeId, item.Title, item.Text, item.OccurredAt);
                    await mail.Send(NoticeMail.Single(email, settings.Language, notice, links, userId));
                    metrics.MailSent("single");
                }

                state.State.MailedThrough = item.Sequence;
                progressed = true;
            }

            _failures = 0;
            MailNoLongerWaiting();
            if (state.State.RetryReminder)
            {
                if (await this.GetReminder(RetryReminderName) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                state.State.RetryReminder = false;
                progressed = true;
            }
        }
        catch (MailRejectedException rejected)
        {
            // The address is refused for good: say so on the site, keep the notices there.
            LogRejected(rejected, userId);
            metrics.MailFailed("rejected");
            MailNoLongerWaiting();
            state.State.Settings = settings with { EmailProblem = rejected.Message };
            state.State.MailedThrough = _last;
            progressed = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The mail server is away: try again soon, then less often (the reminder covers restarts).
            _failures++;
            metrics.MailFailed("retry");
            if (!_mailWaiting)
            {
                _mailWaiting = true;
                metrics.MailWaiting(1);
            }

            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, _failures)));
            LogRetry(exception, userId, delay);
            _mailTimer ??= this.RegisterGrainTimer(MailTimerTick, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        }

        if (progressed)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RunDigest(DateTimeOffset now)
    {
        var settings = Settings;
        var userId = this.GetPrimaryKeyString();
        foreach (var channel in new[] { NoticeChannel.DailyDigest, NoticeChannel.WeeklyDigest })
        {
            var kinds = settings.Channels.Where(c => c.Value == channel).Select(c => c.Key).ToHashSet();
            if (kinds.Count == 0)
            {
                continue;
            }

            var last = state.State.LastDigest.TryGetValue(channel, out var at) ? at : now;
            state.State.LastDigest.TryAdd(channel, now);
            var due = NextDigest(last, channel == NoticeChannel.WeeklyDigest, settings);
            if (now < due)
            {
                continue;
            }

            var through = state.State.DigestedThrough.GetValueOrDefault(channel);
            var notices = (await ItemsAfter(through, InboxSize))
                .Where(i => kinds.Contains(i.Notice))
                .Select(i => new Notice(i.Notice, i.Kind, i.InitiativeId, i.Title, i.Text, i.OccurredAt))
                .ToList();
            var seen = new Dictionary<string, long>(state.State.NeighbourhoodSeen);
            if (kinds.Contains(NoticeKind.Following))
            {
                foreach (var code in state.State.Neighbourhoods)
                {
                    var items = await GrainFactory.GetGrain<INeighbourhoodGrain>(code).GetAfter(seen.GetValueOrDefault(code), NeighbourhoodGrain.MaxRead);
                    notices.AddRange(items.Select(i => new Notice(NoticeKind.Following, i.Kind, i.InitiativeId, i.Title, i.Text, i.OccurredAt)));
                    if (items.Count > 0)
                    {
                        seen[code] = items[^1].Sequence;
                    }
                }
            }

            if (notices.Count > 0 && settings.Email is { } email && settings.EmailProblem is null)
            {
                var ordered = notices.OrderBy(n => n.OccurredAt).ToList();
                try
                {
                    await mail.Send(NoticeMail.Digest(email, settings.Language, ordered, links, userId, channel == NoticeChannel.WeeklyDigest));
                    metrics.MailSent("digest");
                }
                catch (MailRejectedException rejected)
                {
                    metrics.MailFailed("rejected");
                    state.State.Settings = settings with { EmailProblem = rejected.Message };
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    metrics.MailFailed("retry");
                    // Not sent: nothing is marked, the next hourly run sends the same digest (and more).
                    LogRetry(exception, userId, TimeSpan.FromHours(1));
                    continue;
                }
            }

            state.State.DigestedThrough[channel] = _last;
            state.State.NeighbourhoodSeen = seen;
            state.State.LastDigest[channel] = due;
            await state.WriteStateAsync();
        }
    }

    /// <summary>The first digest moment after <paramref name="last"/>: the chosen hour (Dutch time), on the chosen day when weekly.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset last, bool weekly, NotificationSettings settings)
    {
        var local = TimeZoneInfo.ConvertTime(last, Amsterdam);
        var candidate = new DateTime(local.Year, local.Month, local.Day, settings.DigestHour, 0, 0, DateTimeKind.Unspecified);
        for (var day = 0; day <= 8; day++)
        {
            var at = candidate.AddDays(day);
            var offset = Amsterdam.GetUtcOffset(at);
            var moment = new DateTimeOffset(at, offset);
            if (moment > last && (!weekly || at.DayOfWeek == settings.DigestDay))
            {
                return moment;
            }
        }

        return last.AddDays(7);
    }

    /// <summary>The hourly digest reminder runs while the person has a digest channel.</summary>
    private async Task KeepDigestReminder()
    {
        if (Settings.HasDigest && Settings.Email is not null)
        {
            await this.RegisterOrUpdateReminder(DigestReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        }
        else if (await this.GetReminder(DigestReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to person {UserId} failed; trying again in {Delay}.")]
    private partial void LogRetry(Exception exception, string userId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to person {UserId} was refused for good; their notices stay on the site.")]
    private partial void LogRejected(Exception exception, string userId);
}
