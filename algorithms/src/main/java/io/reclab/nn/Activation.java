package io.reclab.nn;

import java.util.List;
import java.util.Locale;

/**
 * Element-wise activations. The backward pass is written in terms of the forward OUTPUT y, which is all each of
 * these needs (ReLU: y &gt; 0; sigmoid: y(1-y); tanh: 1-y^2), so layers may overwrite their input in place.
 * ReLU, the deep models' default, runs on the {@link Gemm#best()} kernels: C2 does not vectorise its select.
 */
public enum Activation {
    RELU, SIGMOID, TANH, IDENTITY;

    public static final List<String> NAMES = List.of("relu", "sigmoid", "tanh", "identity");

    public static Activation parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** y = f(x) for {@code len} values; {@code y} may be {@code x}. */
    public void forward(float[] x, float[] y, int len) {
        switch (this) {
            case RELU:
                Gemm.best().relu(x, y, len);
                break;
            case SIGMOID:
                for (int i = 0; i < len; i++) y[i] = Logistic.sigmoid(x[i]);
                break;
            case TANH:
                for (int i = 0; i < len; i++) y[i] = (float) Math.tanh(x[i]);
                break;
            default:
                if (y != x) System.arraycopy(x, 0, y, 0, len);
        }
    }

    /** dx = dy * f'(x), computed from the forward output y; {@code dx} may be {@code dy}. */
    public void backward(float[] y, float[] dy, float[] dx, int len) {
        switch (this) {
            case RELU:
                Gemm.best().reluBackward(y, dy, dx, len);
                break;
            case SIGMOID:
                for (int i = 0; i < len; i++) dx[i] = dy[i] * y[i] * (1f - y[i]);
                break;
            case TANH:
                for (int i = 0; i < len; i++) dx[i] = dy[i] * (1f - y[i] * y[i]);
                break;
            default:
                if (dx != dy) System.arraycopy(dy, 0, dx, 0, len);
        }
    }
}
