package dev.longrun.estimate;

import dev.longrun.Job;

/**
 * How much of a job is done, between 0 and 1, from what the job reports: counted progress, or
 * steps (with counted progress inside the current step when the handler gives it). Null when the
 * job is indeterminate, which is when no time remaining may be shown.
 */
final class Fraction {

    private Fraction() {
    }

    static Double of(Job job) {
        Double counted = counted(job);
        Integer step = job.currentStep();
        Integer steps = job.totalSteps();
        if (steps != null && steps > 0 && step != null && step >= 1) {
            double inside = counted != null ? counted : 0.0;
            return clamp((Math.min(step, steps) - 1 + inside) / steps);
        }
        return counted;
    }

    private static Double counted(Job job) {
        Long current = job.progressCurrent();
        Long total = job.progressTotal();
        if (current == null || total == null || total <= 0) {
            return null;
        }
        return clamp((double) current / total);
    }

    private static double clamp(double f) {
        return Math.max(0.0, Math.min(1.0, f));
    }
}
