package io.maildrill.load;

import io.maildrill.script.parse.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a profile file: one setting per line, {@code #} starts a comment.
 *
 * <pre>
 * profile   imaptest
 * description imaptest's default stress mix
 * mailbox   INBOX
 * messages  30
 * persona   imaptest weight 1 think 0ms pipeline 10
 * step      LOGIN 100
 * step      LIST 50
 * step      FETCH2 100 repeat 30
 * persona   downloader protocol pop3 think 1s
 * step      LOGIN 100
 * step      UIDL 100
 * </pre>
 *
 * Steps belong to the persona above them and are of its protocol ({@code protocol imap}, the
 * default, or {@code pop3}). Every problem is a {@link LoadProfileException} naming
 * the source and line.
 */
public final class LoadProfileParser {

    private LoadProfileParser() {
    }

    public static LoadProfile parse(String source, String text) {
        String name = null;
        String description = "";
        String mailbox = "INBOX";
        int messages = 30;
        List<LoadProfile.Persona> personas = new ArrayList<>();
        PersonaDraft persona = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            Line at = new Line(source, i + 1, content);
            String[] words = content.split("\\s+");
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "profile" -> name = at.single(words);
                case "description" -> description = content.substring(words[0].length()).strip();
                case "mailbox" -> mailbox = at.single(words);
                case "messages" -> messages = at.number(at.single(words), 0, 1_000_000, "messages");
                case "persona" -> {
                    if (persona != null) {
                        personas.add(persona.build(at));
                    }
                    persona = PersonaDraft.of(at, words);
                }
                case "step" -> {
                    if (persona == null) {
                        throw at.problem("a step needs a persona line above it");
                    }
                    persona.steps.add(at.step(words, persona.protocol));
                }
                default -> throw at.problem("unknown setting \"" + words[0]
                        + "\" (expected profile, description, mailbox, messages, persona or step)");
            }
        }
        Line end = new Line(source, lines.length, "");
        if (persona != null) {
            personas.add(persona.build(end));
        }
        if (name == null) {
            throw end.problem("no \"profile NAME\" line");
        }
        if (personas.isEmpty()) {
            throw end.problem("no persona: a profile needs at least one \"persona NAME\" line with steps");
        }
        return new LoadProfile(name, description, mailbox, messages, personas);
    }

    private static final class PersonaDraft {
        final String name;
        final int weight;
        final Duration think;
        final int pipeline;
        final Duration idle;
        final LoadProfile.Protocol protocol;
        final List<LoadProfile.Step> steps = new ArrayList<>();

        private PersonaDraft(String name, LoadProfile.Protocol protocol, int weight, Duration think, int pipeline,
                             Duration idle) {
            this.name = name;
            this.protocol = protocol;
            this.weight = weight;
            this.think = think;
            this.pipeline = pipeline;
            this.idle = idle;
        }

        static PersonaDraft of(Line at, String[] words) {
            if (words.length < 2 || words.length % 2 != 0) {
                throw at.problem("expected \"persona NAME [protocol imap|pop3] [weight N] [think DURATION] [pipeline N]"
                        + " [idle DURATION]\"");
            }
            LoadProfile.Protocol protocol = LoadProfile.Protocol.IMAP;
            int weight = 1;
            Duration think = Duration.ZERO;
            int pipeline = 1;
            Duration idle = LoadProfile.Persona.DEFAULT_IDLE;
            for (int w = 2; w < words.length; w += 2) {
                switch (words[w].toLowerCase(Locale.ROOT)) {
                    case "protocol" -> protocol = at.protocol(words[w + 1]);
                    case "weight" -> weight = at.number(words[w + 1], 1, 1_000_000, "weight");
                    case "think" -> think = at.duration(words[w + 1]);
                    case "pipeline" -> pipeline = at.number(words[w + 1], 1, LoadProfile.Persona.MAX_PIPELINE, "pipeline");
                    case "idle" -> idle = at.positiveDuration(words[w + 1], "idle");
                    default -> throw at.problem("unknown persona setting \"" + words[w] + "\" (protocol, weight, think, pipeline or idle)");
                }
            }
            if (protocol == LoadProfile.Protocol.POP3 && pipeline != 1) {
                throw at.problem("a pop3 persona waits for each answer: it takes no pipeline setting above 1");
            }
            return new PersonaDraft(words[1], protocol, weight, think, pipeline, idle);
        }

        LoadProfile.Persona build(Line at) {
            if (steps.stream().noneMatch(s -> s.command().name().equals("LOGIN") && s.percent() > 0)) {
                throw at.problem("persona " + name + " never logs in: it needs \"step LOGIN 100\"");
            }
            return new LoadProfile.Persona(name, protocol, weight, think, pipeline, idle, steps);
        }
    }

    private record Line(String source, int number, String content) {

        LoadProfileException problem(String what) {
            return new LoadProfileException(source + ":" + number + ": " + what
                    + (content.isEmpty() ? "" : " (in \"" + content + "\")"));
        }

        String single(String[] words) {
            if (words.length != 2) {
                throw problem("expected \"" + words[0] + " VALUE\"");
            }
            return words[1];
        }

        int number(String word, int min, int max, String what) {
            try {
                int n = Integer.parseInt(word);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, with the range
            }
            throw problem(what + " must be a whole number " + min + ".." + max + ", not \"" + word + "\"");
        }

        Duration duration(String word) {
            try {
                return Durations.parse(word);
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        Duration positiveDuration(String word, String what) {
            Duration duration = duration(word);
            if (duration.isZero() || duration.isNegative()) {
                throw problem(what + " must be longer than zero, not \"" + word + "\"");
            }
            return duration;
        }

        private static List<StepCommand> stepsOf(LoadProfile.Protocol protocol) {
            return protocol == LoadProfile.Protocol.POP3 ? List.of(Pop3Step.values()) : List.of(ImapStep.values());
        }

        private static String lower(LoadProfile.Protocol protocol) {
            return protocol.name().toLowerCase(Locale.ROOT);
        }

        LoadProfile.Protocol protocol(String word) {
            try {
                return LoadProfile.Protocol.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem("unknown protocol \"" + word + "\" (imap or pop3)");
            }
        }

        /** A step of the persona's protocol: a step of the other one is a mistake, named as such. */
        LoadProfile.Step step(String[] words, LoadProfile.Protocol protocol) {
            if (words.length != 3 && !(words.length == 5 && words[3].equalsIgnoreCase("repeat"))) {
                throw problem("expected \"step COMMAND PERCENT [repeat PERCENT]\"");
            }
            String wanted = words[1].toUpperCase(Locale.ROOT);
            List<StepCommand> steps = stepsOf(protocol);
            StepCommand command = steps.stream().filter(s -> s.name().equals(wanted)).findFirst().orElseThrow(() -> {
                LoadProfile.Protocol other = protocol == LoadProfile.Protocol.IMAP ? LoadProfile.Protocol.POP3
                        : LoadProfile.Protocol.IMAP;
                boolean ofOther = stepsOf(other).stream().anyMatch(s -> s.name().equals(wanted));
                return problem((ofOther ? "step \"" + words[1] + "\" is " + lower(other) + ", but this persona is "
                        : "unknown step \"" + words[1] + "\" for a persona of ") + lower(protocol)
                        + " (its steps: " + steps + ")");
            });
            int repeat = words.length == 5 ? number(words[4], 0, 99, "a step's repeat percent") : 0;
            return new LoadProfile.Step(command, number(words[2], 0, 100, "a step's percent"), repeat);
        }
    }
}
